package dev.stackbench.cli;

import dev.stackbench.lab.InvalidInputException;
import dev.stackbench.lab.proc.CpuSet;

/** Reads a CPU-set option ({@code --server-cpus 1}) and checks it against this machine's CPUs. */
final class CpuSetArgument {
    private CpuSetArgument() {
    }

    /**
     * @param option the option's name, for the message
     * @throws InvalidInputException naming the option, the value and what was expected
     */
    static CpuSet parse(String option, String value) {
        CpuSet set;
        try {
            set = CpuSet.parse(value);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(option + " \"" + value + "\": expected CPU numbers and ranges such as 1 or 0-3,6");
        }
        CpuSet online = CpuSet.online();
        if (!set.within(online)) {
            throw new InvalidInputException(option + " " + set + ": this machine's CPUs are " + online);
        }
        return set;
    }
}
