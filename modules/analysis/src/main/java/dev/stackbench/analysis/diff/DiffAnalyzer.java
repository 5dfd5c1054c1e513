package dev.stackbench.analysis.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns replayed exchanges into a {@link DiffReport}.
 *
 * <p>Noise, as Twitter's Diffy learns it: when an exchange has a second copy of the old backend's
 * answer, every place (endpoint + location with indices as {@code [*]}) where old and old2 differ
 * in any request of that endpoint is noise, and the new backend's differences there are left out
 * for every request of the endpoint; the report lists what was learned. A request that did not
 * answer on old or old2 teaches nothing. Pure.
 */
public final class DiffAnalyzer {
    private final DiffSettings settings;
    private final int examples;

    /** @param examples how many examples each group keeps, >= 1 */
    public DiffAnalyzer(DiffSettings settings, int examples) {
        if (examples < 1) {
            throw new IllegalArgumentException("examples (" + examples + ") must be >= 1");
        }
        this.settings = settings;
        this.examples = examples;
    }

    public DiffReport analyze(List<Exchange> exchanges) {
        ResponseDiff diff = new ResponseDiff(settings);
        Map<Key, Noise> noise = new LinkedHashMap<>();
        boolean learning = false;
        for (Exchange e : exchanges) {
            if (e.old2().isEmpty()) {
                continue;
            }
            learning = true;
            if (e.old() instanceof Response.Failed || e.old2().get() instanceof Response.Failed) {
                continue;
            }
            Set<Key> seen = new java.util.HashSet<>();
            for (Difference d : diff.compare(e.old(), e.old2().get())) {
                Key k = new Key(e.endpoint(), d.generalLocation());
                if (seen.add(k)) {
                    noise.computeIfAbsent(k, x -> new Noise(d.old() + " vs " + d.neu())).pairs++;
                }
            }
        }
        Map<Endpoint, Integer> endpoints = new TreeMap<>();
        Map<GroupKey, List<DiffGroup.Example>> found = new LinkedHashMap<>();
        Map<GroupKey, Integer> affected = new HashMap<>();
        int differing = 0;
        for (Exchange e : exchanges) {
            endpoints.merge(e.endpoint(), 1, Integer::sum);
            boolean differs = false;
            Set<GroupKey> seen = new java.util.HashSet<>();
            Set<Key> suppressed = new java.util.HashSet<>();
            for (Difference d : diff.compare(e.old(), e.neu())) {
                Key k = new Key(e.endpoint(), d.generalLocation());
                Noise n = noise.get(k);
                if (n != null) {
                    if (suppressed.add(k)) {
                        n.suppressed++;
                    }
                    continue;
                }
                differs = true;
                GroupKey g = new GroupKey(e.endpoint(), d.kind(), d.generalLocation());
                List<DiffGroup.Example> list = found.computeIfAbsent(g, x -> new ArrayList<>());
                if (seen.add(g)) {
                    affected.merge(g, 1, Integer::sum);
                    if (list.size() < examples) {
                        list.add(new DiffGroup.Example(e.target(), d.location(), d.old(), d.neu()));
                    }
                }
            }
            if (differs) {
                differing++;
            }
        }
        List<DiffGroup> groups = new ArrayList<>();
        found.forEach((g, list) -> groups.add(new DiffGroup(g.endpoint(), g.kind(), g.location(), affected.get(g),
                endpoints.get(g.endpoint()), list)));
        groups.sort(Comparator.comparing(DiffGroup::affected).reversed().thenComparing(DiffGroup::endpoint)
                .thenComparing(DiffGroup::location));
        List<LearnedNoise> learned = new ArrayList<>();
        noise.forEach((k, n) -> learned.add(new LearnedNoise(k.endpoint(), k.location(), n.pairs, n.suppressed, n.example)));
        learned.sort(Comparator.comparing(LearnedNoise::endpoint).thenComparing(LearnedNoise::location));
        return new DiffReport(exchanges.size(), differing, endpoints, groups, learned, learning, settings);
    }

    private record Key(Endpoint endpoint, String location) {
    }

    private record GroupKey(Endpoint endpoint, Difference.Kind kind, String location) {
    }

    /** Counts while learning; never leaves this class. */
    private static final class Noise {
        final String example;
        int pairs;
        int suppressed;

        Noise(String example) {
            this.example = example;
        }
    }

}
