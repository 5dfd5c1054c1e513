package dev.stackbench.cli.suite;

import java.util.Locale;

/** How hard one trial pushes. */
public sealed interface LoadLevel permits LoadLevel.Closed, LoadLevel.Open {

    /** @return a stable label for file names and reports, e.g. {@code c100} or {@code r2000} */
    String label();

    /** @return connections the generator opens */
    int connections();

    /** Closed model: {@code connections} as fast as they go. */
    record Closed(int connections) implements LoadLevel {
        public Closed {
            if (connections < 1) {
                throw new IllegalArgumentException("connections (" + connections + ") must be >= 1");
            }
        }

        @Override
        public String label() {
            return "c" + connections;
        }
    }

    /** Open model: {@code ratePerSecond} requests/s over at most {@code connections} connections. */
    record Open(double ratePerSecond, int connections) implements LoadLevel {
        public Open {
            if (!(ratePerSecond > 0)) {
                throw new IllegalArgumentException("rate (" + ratePerSecond + ") must be > 0 requests per second");
            }
            if (connections < 1) {
                throw new IllegalArgumentException("connections (" + connections + ") must be >= 1");
            }
        }

        @Override
        public String label() {
            return ratePerSecond == Math.rint(ratePerSecond) ? "r" + (long) ratePerSecond : String.format(Locale.ROOT, "r%.1f", ratePerSecond);
        }
    }
}
