package dev.stackbench.cli;

import dev.stackbench.lab.InvalidInputException;
import dev.stackbench.lab.proc.CpuSet;

/** Reads a CPU-set option ({@code --server-cpus 1}) and checks it against this machine's online CPUs. */
final class CpuSetArgument {
    private CpuSetArgument() {
    }

    /**
     * @param option the option's name, for the message
     * @throws InvalidInputException naming the option, the value and what was expected
     */
    static CpuSet parse(String option, String value) {
        return parse(option, value, false, CpuSet.online());
    }

    /**
     * @param fromSuite whether the value is the suite's default rather than the user's
     * @param online    the CPUs this machine has online
     * @throws InvalidInputException naming the option, the value, how many CPUs are online and what to pass
     */
    static CpuSet parse(String option, String value, boolean fromSuite, CpuSet online) {
        CpuSet set;
        try {
            set = CpuSet.parse(value);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(option + " \"" + value + "\": expected CPU numbers and ranges such as 1 or 0-3,6");
        }
        if (!set.within(online)) {
            throw new InvalidInputException(option + " " + set + (fromSuite ? " (the suite's)" : "") + ": this machine has "
                    + cpus(online) + " online (" + online + "); pass CPUs among " + online + ", e.g. " + option + " "
                    + (option.equals("--generator-cpus") ? online.first() : online.last()));
        }
        return set;
    }

    /**
     * A run keeps the load generator and the contestant on different CPUs.
     *
     * @throws InvalidInputException when fewer than 2 CPUs are online, saying how many are
     */
    static void requireTwo(CpuSet online) {
        if (online.size() < 2) {
            throw new InvalidInputException("stackbench run keeps the load generator and the contestant on different CPUs, but this machine has "
                    + cpus(online) + " online (" + online + "); run it on a machine or VM with at least 2 CPUs, or measure a running"
                    + " server with: stackbench load URL");
        }
    }

    private static String cpus(CpuSet set) {
        return set.size() == 1 ? "1 CPU" : set.size() + " CPUs";
    }
}
