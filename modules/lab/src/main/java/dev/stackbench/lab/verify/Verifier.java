package dev.stackbench.lab.verify;

import dev.stackbench.lab.StartException;
import dev.stackbench.lab.contestant.ContestantLauncher;
import dev.stackbench.lab.contestant.RunningContestant;
import dev.stackbench.lab.manifest.Manifest;
import java.util.OptionalLong;

/**
 * The verification round of one contestant: start it, check it against the spec, stop it. A
 * contestant that fails any check (or does not start) is reported as failing and must not be
 * measured; {@code run} calls this before measuring.
 *
 * <pre>{@code
 * Verifier verifier = new Verifier(new ContestantLauncher(settings), new SpecVerifier());
 * VerificationReport r = verifier.verify(manifest);   // never throws for a broken contestant
 * if (!r.passed()) { exclude it }
 * }</pre>
 */
public final class Verifier {
    private final ContestantLauncher launcher;
    private final SpecVerifier spec;

    public Verifier(ContestantLauncher launcher, SpecVerifier spec) {
        this.launcher = launcher;
        this.spec = spec;
    }

    /**
     * Starts the contestant, checks the endpoints of its workloads, stops its whole tree.
     *
     * @return the report; a start failure is a failed {@code start} check with the exception's message
     */
    public VerificationReport verify(Manifest manifest) {
        RunningContestant running;
        try {
            running = launcher.start(manifest);
        } catch (StartException e) {
            return VerificationReport.notStarted(manifest.id(), e.getMessage());
        }
        try (running) {
            VerificationReport r = spec.verify(manifest.id(), running.baseUri(), manifest.workloads());
            return new VerificationReport(r.contestant(), r.checks(), OptionalLong.of(running.startupMillis()));
        }
    }
}
