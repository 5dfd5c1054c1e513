package dev.stackbench.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request path split at its templates: {@code literals[0] value0 literals[1] value1 ... literals[n]},
 * where value {@code i} is drawn uniformly from {@code min[i]..max[i]} per request.
 *
 * @param literals the text around the templates, one more than the templates
 * @param min      smallest value of each template, &gt;= 0
 * @param max      largest value of each template, &gt;= min, &lt; {@link Long#MAX_VALUE}
 */
record PathTemplate(List<String> literals, long[] min, long[] max) {
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern RANDOM = Pattern.compile("random:(\\d{1,18})\\.\\.(\\d{1,18})");

    /**
     * @throws IllegalArgumentException for a brace that is not a template {@code {random:MIN..MAX}} with 0 &lt;= MIN &lt;= MAX
     */
    static PathTemplate parse(String path) {
        List<String> literals = new ArrayList<>();
        List<long[]> ranges = new ArrayList<>();
        Matcher m = TEMPLATE.matcher(path);
        int from = 0;
        while (m.find()) {
            Matcher r = RANDOM.matcher(m.group(1));
            long lo = r.matches() ? Long.parseLong(r.group(1)) : -1;
            long hi = r.matches() ? Long.parseLong(r.group(2)) : -1;
            if (!r.matches() || hi < lo) {
                throw new IllegalArgumentException("path '" + path + "' has the template '" + m.group()
                        + "'; expected {random:MIN..MAX} with 0 <= MIN <= MAX, e.g. {random:1..10000}");
            }
            literals.add(path.substring(from, m.start()));
            ranges.add(new long[] {lo, hi});
            from = m.end();
        }
        String rest = path.substring(from);
        if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0 || literals.stream().anyMatch(l -> l.indexOf('{') >= 0 || l.indexOf('}') >= 0)) {
            throw new IllegalArgumentException("path '" + path + "' has an unmatched brace; expected templates of the form "
                    + "{random:MIN..MAX}, e.g. /api/users/{random:1..10000}");
        }
        literals.add(rest);
        return new PathTemplate(literals, ranges.stream().mapToLong(a -> a[0]).toArray(), ranges.stream().mapToLong(a -> a[1]).toArray());
    }

    /** @return how many templates */
    int templates() {
        return min.length;
    }

    /**
     * @return the path with each template replaced by a value drawn uniformly from its range, in
     *         order, as the generator draws them ({@code min + random.nextLong(max - min + 1)})
     */
    String expand(java.util.SplittableRandom random) {
        StringBuilder s = new StringBuilder(literals.get(0));
        for (int i = 0; i < min.length; i++) {
            s.append(min[i] + random.nextLong(max[i] - min[i] + 1)).append(literals.get(i + 1));
        }
        return s.toString();
    }
}
