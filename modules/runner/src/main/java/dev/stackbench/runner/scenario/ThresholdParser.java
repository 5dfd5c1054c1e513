package dev.stackbench.runner.scenario;

import dev.stackbench.config.DurationFormat;
import dev.stackbench.config.RateFormat;
import dev.stackbench.loadgen.Threshold;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a threshold as written on the command line or in a scenario file:
 * {@code [KIND:]METRIC OP VALUE}, e.g. {@code p99<50ms}, {@code errors<0.1%}, {@code rate>=0.97},
 * {@code json:p99<10ms}. Latencies take a unit ({@code us}, {@code ms}, {@code s}); errors and
 * rate a fraction ({@code 0.001}) or a percentage ({@code 0.1%}); rps a rate ({@code 2000}, {@code 2.5k}).
 */
public final class ThresholdParser {
    public static final String FORM = "[KIND:]METRIC OP VALUE, e.g. p99<50ms, errors<0.1%, rate>=0.97 or json:p99<10ms";
    private static final Pattern SHAPE = Pattern.compile("(?:([A-Za-z0-9._-]+):)?([A-Za-z0-9.]+)\\s*(<=|>=|<|>)\\s*(\\S.*)");

    private ThresholdParser() {
    }

    /**
     * @param text  the threshold
     * @param where how messages name it, e.g. {@code --threshold 'p99<50ms'}
     * @throws IllegalArgumentException one line naming {@code where}, the part that is wrong and what was expected
     */
    public static Threshold parse(String text, String where) {
        Matcher m = SHAPE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(where + " is not of the form " + FORM);
        }
        String kind = m.group(1) == null ? "" : m.group(1);
        Threshold.Metric metric = Arrays.stream(Threshold.Metric.values())
                .filter(x -> x.label().equals(m.group(2).toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(where + ": unknown metric '" + m.group(2) + "'; expected one of "
                        + Arrays.stream(Threshold.Metric.values()).map(Threshold.Metric::label).collect(Collectors.joining(", "))));
        Threshold.Operator op = Arrays.stream(Threshold.Operator.values()).filter(o -> o.symbol().equals(m.group(3))).findFirst().orElseThrow();
        String value = m.group(4).strip();
        double bound;
        if (metric.isLatency()) {
            bound = latencyMicros(value, where);
        } else if (metric == Threshold.Metric.RPS) {
            try {
                bound = RateFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": '" + value + "' is not a rate; expected " + RateFormat.EXPECTED);
            }
        } else {
            bound = fraction(value, where);
        }
        return new Threshold(kind, metric, op, bound);
    }

    private static double latencyMicros(String value, String where) {
        String v = value.toLowerCase(Locale.ROOT);
        try {
            if (v.matches("\\d+(\\.\\d+)?\\s*(us|µs)")) {
                return Double.parseDouble(v.replaceAll("\\s*(us|µs)$", ""));
            }
            if (v.matches(".*[a-z]$")) {
                return DurationFormat.parse(v).toNanos() / 1000.0;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(where + ": '" + value + "' is not a latency; expected a number with a unit (us, ms, s), e.g. 50ms or 500us");
    }

    private static double fraction(String value, String where) {
        try {
            if (value.endsWith("%")) {
                return Double.parseDouble(value.substring(0, value.length() - 1).strip()) / 100;
            }
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + value + "' is not a fraction; expected a number such as 0.97 or a percentage such as 0.1%");
        }
    }
}
