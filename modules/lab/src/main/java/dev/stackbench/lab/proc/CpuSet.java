package dev.stackbench.lab.proc;

import dev.stackbench.lab.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.StringJoiner;

/**
 * A set of CPU numbers, as {@code taskset -c} and {@code /sys/devices/system/cpu/online} write
 * them: {@code 1}, {@code 0-3}, {@code 0,2-3}. Immutable.
 */
public final class CpuSet {
    private final BitSet cpus;

    private CpuSet(BitSet cpus) {
        this.cpus = (BitSet) cpus.clone();
    }

    /**
     * @param text e.g. {@code 1} or {@code 0-3,6}
     * @throws InvalidInputException when the text is not such a list or is empty
     */
    public static CpuSet parse(String text) {
        BitSet bits = new BitSet();
        try {
            for (String part : text.strip().split(",", -1)) {
                int dash = part.indexOf('-');
                int from = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
                int to = dash < 0 ? from : Integer.parseInt(part.substring(dash + 1));
                if (from < 0 || to < from || to > 4095) {
                    throw new NumberFormatException(part);
                }
                bits.set(from, to + 1);
            }
        } catch (NumberFormatException e) {
            bits.clear();
        }
        if (bits.isEmpty()) {
            throw new InvalidInputException("CPU set \"" + text + "\": expected CPU numbers and ranges such as 1 or 0-3,6");
        }
        return new CpuSet(bits);
    }

    /** @return the CPUs of this machine that are online, from {@code /sys/devices/system/cpu/online} */
    public static CpuSet online() {
        try {
            return parse(Files.readString(Path.of("/sys/devices/system/cpu/online")));
        } catch (IOException e) {
            BitSet all = new BitSet();
            all.set(0, Runtime.getRuntime().availableProcessors());
            return new CpuSet(all);
        }
    }

    /** @return the number of CPUs in the set, the CPU budget of whatever runs on it (>= 1) */
    public int size() {
        return cpus.cardinality();
    }

    /** @return the lowest CPU number of the set */
    public int first() {
        return cpus.nextSetBit(0);
    }

    /** @return the highest CPU number of the set */
    public int last() {
        return cpus.length() - 1;
    }

    /** @return true when every CPU of this set is also in {@code other} */
    public boolean overlaps(CpuSet other) {
        return cpus.intersects(other.cpus);
    }

    /** @return true when every CPU of this set is in {@code other} */
    public boolean within(CpuSet other) {
        BitSet rest = (BitSet) cpus.clone();
        rest.andNot(other.cpus);
        return rest.isEmpty();
    }

    /** @return the {@code taskset -c} form, e.g. {@code 0-1,3} */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(",");
        for (int from = cpus.nextSetBit(0); from >= 0; ) {
            int to = cpus.nextClearBit(from) - 1;
            out.add(from == to ? Integer.toString(from) : from + "-" + to);
            from = cpus.nextSetBit(to + 1);
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuSet other && cpus.equals(other.cpus);
    }

    @Override
    public int hashCode() {
        return cpus.hashCode();
    }
}
