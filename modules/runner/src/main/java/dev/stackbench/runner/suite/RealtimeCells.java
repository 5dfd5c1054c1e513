package dev.stackbench.runner.suite;

import dev.stackbench.results.LoadLevel;
import java.util.List;

/**
 * The {@code realtime} cells of a suite: WebSocket fan-out (docs/api.md {@code GET /ws}) at each
 * subscriber count, one publisher at a fixed rate. A cell is contestant x subscriber count; the
 * contestants are those whose manifest lists {@code realtime}.
 *
 * @param subscribers      subscriber counts, each >= 1, in order, no duplicates
 * @param publishPerSecond messages published per second, > 0 (every one is owed to every subscriber)
 */
public record RealtimeCells(List<Integer> subscribers, double publishPerSecond) {
    /** Issue 8's subscriber counts. */
    public static final List<Integer> DEFAULT_SUBSCRIBERS = List.of(100, 1_000, 10_000);
    /** 10 messages a second: 100,000 deliveries a second at 10,000 subscribers. */
    public static final double DEFAULT_PUBLISH_PER_SECOND = 10;

    public RealtimeCells {
        subscribers = List.copyOf(subscribers);
        if (subscribers.isEmpty()) {
            throw new IllegalArgumentException("realtime needs at least one subscriber count");
        }
        for (int s : subscribers) {
            if (s < 1) {
                throw new IllegalArgumentException("subscribers (" + s + ") must be >= 1");
            }
        }
        if (subscribers.stream().distinct().count() != subscribers.size()) {
            throw new IllegalArgumentException("subscriber counts " + subscribers + " name one count twice");
        }
        if (!(publishPerSecond > 0) || Double.isInfinite(publishPerSecond)) {
            throw new IllegalArgumentException("publish rate (" + publishPerSecond + ") must be > 0 messages per second");
        }
    }

    /** @return one fan-out level per subscriber count, in order */
    public List<LoadLevel.Fanout> levels() {
        return subscribers.stream().map(s -> new LoadLevel.Fanout(s, publishPerSecond)).toList();
    }
}
