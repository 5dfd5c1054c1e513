package dev.stackbench.analysis.advise;

/** The number of CPUs in a CPU set as run.json records it ({@code 1}, {@code 0-3,6}). */
final class ServerCores {
    private ServerCores() {
    }

    /** @return how many CPUs {@code set} names; 1 when it is missing or unreadable (the default server set) */
    static int count(String set) {
        if (set == null || set.isBlank()) {
            return 1;
        }
        int n = 0;
        try {
            for (String part : set.split(",")) {
                String[] range = part.strip().split("-");
                n += range.length == 1 ? 1 : Integer.parseInt(range[1].strip()) - Integer.parseInt(range[0].strip()) + 1;
            }
        } catch (NumberFormatException e) {
            return 1;
        }
        return Math.max(1, n);
    }
}
