package dev.stackbench.runner;

import dev.stackbench.lab.LabException;
import dev.stackbench.lab.contestant.ContestantLauncher;
import dev.stackbench.lab.contestant.RunningContestant;
import dev.stackbench.lab.manifest.Manifest;
import dev.stackbench.lab.verify.SpecVerifier;
import dev.stackbench.lab.verify.VerificationReport;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code stackbench serve}: contestants started as a run starts them (pinned, the lab's database,
 * verified on the running instance) and left running for the user's own tools, until closed. A
 * contestant that fails to start or to verify is reported and stopped; the others stay up.
 */
public final class Serve implements AutoCloseable {
    /**
     * One contestant being served.
     *
     * @param id            contestant id
     * @param url           its base URL on loopback, e.g. {@code http://127.0.0.1:40123}
     * @param workers       processes or event loops it runs
     * @param startupMillis spawn to first 200 on its ready path, milliseconds
     */
    public record Served(String id, URI url, int workers, long startupMillis) {
    }

    private final List<RunningContestant> running = new ArrayList<>();
    private final List<Served> served = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    private Serve() {
    }

    /**
     * Starts and verifies each contestant in turn.
     *
     * @param say one line for people per step
     */
    public static Serve start(ContestantLauncher launcher, List<Manifest> manifests, Consumer<String> say) {
        Serve serve = new Serve();
        for (Manifest m : manifests) {
            say.accept("starting " + m.id() + " on CPUs " + launcher.settings().serverCpus() + "...");
            RunningContestant c;
            try {
                c = launcher.start(m);
            } catch (LabException e) {
                serve.failures.add(m.id() + ": failed to start: " + e.getMessage().lines().findFirst().orElse(""));
                continue;
            }
            VerificationReport report = new SpecVerifier().verify(m.id(), c.baseUri(), m.workloads());
            if (!report.passed()) {
                serve.failures.add(m.id() + ": failed verification: " + report.failures().get(0).check() + ": "
                        + report.failures().get(0).reason().lines().findFirst().orElse(""));
                c.close();
                continue;
            }
            serve.running.add(c);
            serve.served.add(new Served(m.id(), c.baseUri(), c.workers(), c.startupMillis()));
        }
        return serve;
    }

    /** @return the contestants up and verified, in the order asked */
    public List<Served> served() {
        return List.copyOf(served);
    }

    /** @return one line per contestant that is not served, with the reason */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** @return the first served contestant that has exited since, if any: {@code id: exit description} */
    public java.util.Optional<String> exited() {
        return running.stream().filter(c -> !c.process().isAlive())
                .map(c -> c.manifest().id() + ": " + c.process().exitDescription()).findFirst();
    }

    /** Stops every served contestant's process tree. */
    @Override
    public void close() {
        running.forEach(RunningContestant::close);
        running.clear();
    }
}
