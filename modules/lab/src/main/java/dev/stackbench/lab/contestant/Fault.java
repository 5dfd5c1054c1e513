package dev.stackbench.lab.contestant;

import dev.stackbench.lab.proc.Exit;

/**
 * What went wrong with a server during a trial: the trial is invalid and is not ranked, and the
 * fault names whom to blame.
 */
public sealed interface Fault permits Fault.ContestantExited, Fault.DatabaseExited, Fault.DatabaseUnreachable {

    /** @return one line (then the stderr tail, indented), e.g. {@code contestant 'express' was killed by SIGKILL} */
    String describe();

    /** @return true when the database is to blame, not the contestant */
    boolean blamesDatabase();

    /**
     * The contestant's root process exited while the database was up.
     *
     * @param contestant its id
     * @param exit       how it ended
     */
    record ContestantExited(String contestant, Exit exit) implements Fault {
        @Override
        public String describe() {
            return exit.describe("contestant '" + contestant + "'");
        }

        @Override
        public boolean blamesDatabase() {
            return false;
        }
    }

    /**
     * The private PostgreSQL's postmaster exited (whatever the contestant did afterwards).
     *
     * @param exit how it ended
     */
    record DatabaseExited(Exit exit) implements Fault {
        @Override
        public String describe() {
            return exit.describe("the database (PostgreSQL)");
        }

        @Override
        public boolean blamesDatabase() {
            return true;
        }
    }

    /**
     * The database given by URL no longer accepted TCP connections at the end of the window.
     *
     * @param database where it was, without the password
     */
    record DatabaseUnreachable(String database) implements Fault {
        @Override
        public String describe() {
            return "the database " + database + " no longer accepts connections";
        }

        @Override
        public boolean blamesDatabase() {
            return true;
        }
    }
}
