package dev.stackbench.cli.suite;

import java.util.BitSet;
import java.util.regex.Pattern;

/**
 * Which CPUs each side runs on, as taskset CPU lists ({@code 0}, {@code 1-3}, {@code 0,2}).
 *
 * @param generator the Stackbench process (the load generator)
 * @param server    each contestant
 * @param database  PostgreSQL
 */
public record CpuSets(String generator, String server, String database) {
    private static final Pattern LIST = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");

    /** On this project's 2-core machines: generator on CPU 0; contestant and PostgreSQL on CPU 1. */
    public static final CpuSets DEFAULT = new CpuSets("0", "1", "1");

    public CpuSets {
        check("generator", generator);
        check("server", server);
        check("database", database);
    }

    private static void check(String side, String list) {
        if (list == null || !LIST.matcher(list).matches()) {
            throw new IllegalArgumentException(side + " CPU list '" + list + "' is not a CPU list such as 0, 1-3 or 0,2");
        }
    }

    /** @return the CPUs of a list, e.g. {0,1,2,3} for {@code 0-3} */
    public static BitSet parse(String list) {
        BitSet cpus = new BitSet();
        for (String part : list.split(",")) {
            String[] range = part.split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length == 2 ? Integer.parseInt(range[1]) : from;
            cpus.set(from, to + 1);
        }
        return cpus;
    }

    /** @return the server's CPU budget: how many CPUs it has */
    public int serverBudget() {
        return parse(server).cardinality();
    }
}
