package dev.stackbench.runner;

import dev.stackbench.lab.contestant.ContestantInfo;
import dev.stackbench.results.Contestant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The A/A pair: one contestant measured as two instances, started, verified and scheduled alike,
 * as if they were two contestants. Their ratio, paired by round, is the run's noise floor: a
 * difference between two contestants smaller than the pair's interval says nothing (Abedi and
 * Brecht, ICPE 2017, who measured two identical systems 38% apart under older schedules).
 *
 * <p>The second instance's id is the original's with {@link #SUFFIX} (manifest ids are
 * {@code [a-z0-9-]+}, so it never names a real contestant); {@link Contestant#aaTwinOf()} reads it back.
 */
final class AaPair {
    /** Appended to the original's id: {@code fastify} and {@code fastify_2}. */
    static final String SUFFIX = Contestant.AA_SUFFIX;

    private AaPair() {
    }

    /**
     * @return {@code ready} with the twin of {@code id} after the original, when {@code id} is among them;
     *     unchanged otherwise
     */
    static List<ContestantInfo> withTwin(List<ContestantInfo> ready, Optional<String> id) {
        if (id.isEmpty()) {
            return ready;
        }
        List<ContestantInfo> out = new ArrayList<>();
        for (ContestantInfo info : ready) {
            out.add(info);
            if (info.manifest().id().equals(id.get())) {
                out.add(new ContestantInfo(info.manifest().withId(id.get() + SUFFIX), info.runtimeVersion(),
                        info.frameworkVersion(), info.status()));
            }
        }
        return out;
    }

    /** @return the original's id of a twin ({@code fastify_2} -> {@code fastify}), any other id unchanged */
    static String original(String id) {
        return id.endsWith(SUFFIX) ? id.substring(0, id.length() - SUFFIX.length()) : id;
    }
}
