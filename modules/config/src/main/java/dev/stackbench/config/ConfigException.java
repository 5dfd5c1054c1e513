package dev.stackbench.config;

/**
 * A configuration file the user must fix. The message is one line: the source (e.g.
 * {@code suite file 's.yaml'} or a manifest's path), then the problem with the key path, the value
 * as written and what was expected:
 *
 * <pre>
 * suite file 's.yaml': trials is "three"; expected a whole number &gt;= 1
 * </pre>
 *
 * An {@link IllegalArgumentException}, so that callers treating bad input as such keep working.
 */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final String problem;

    /**
     * @param source  what was read, as the message should name it, e.g. {@code suite file 's.yaml'}
     * @param problem what is wrong and what was expected, e.g. {@code trials is "three"; expected a whole number >= 1}
     */
    public ConfigException(String source, String problem) {
        this(source, problem, null);
    }

    /** As {@link #ConfigException(String, String)}, keeping the parser's exception as the cause. */
    public ConfigException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /** @return what was read, e.g. {@code suite file 's.yaml'} */
    public String source() {
        return source;
    }

    /** @return the message without the source, e.g. {@code trials is "three"; expected a whole number >= 1} */
    public String problem() {
        return problem;
    }
}
