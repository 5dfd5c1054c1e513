package dev.stackbench.analysis;

import java.util.List;

/**
 * A benchmark table from one of the seed articles, with its figures as data: what Stackbench's
 * {@code seed-table} suite reproduces. {@link #NODE_VS_PYTHON} is the only one so far.
 *
 * @param source where the figures come from
 * @param caption the article's own words for the setup
 * @param workload our workload that matches the article's setup
 * @param connections the article's concurrency (closed model)
 * @param rows the article's rows, fastest first
 * @param ratios neighbouring rows' throughput ratios as the article's figures give them
 */
public record SeedArticle(String source, String caption, String workload, int connections, List<Row> rows,
        List<Ratio> ratios) {

    /**
     * "Node.js vs Python for Backend Development: An Honest Comparison"
     * (shared/seeds/002_84beee403881d4f2.txt): "simple JSON API, 1000 concurrent connections".
     */
    public static final SeedArticle NODE_VS_PYTHON = new SeedArticle(
            "Node.js vs Python for Backend Development: An Honest Comparison (seed 002)",
            "simple JSON API, 1000 concurrent connections",
            "json", 1000,
            List.of(new Row("Fastify (Node)", "Fastify", 45_000, 22),
                    new Row("Express (Node)", "Express", 18_000, 55),
                    new Row("FastAPI (Python)", "FastAPI", 12_000, 82),
                    new Row("Django (Python)", "Django", 3_500, 285)),
            List.of(new Ratio("Fastify", "Express", 2.5),
                    new Ratio("Express", "FastAPI", 1.5),
                    new Ratio("FastAPI", "Django", 3.43)));

    public SeedArticle {
        rows = List.copyOf(rows);
        ratios = List.copyOf(ratios);
    }

    /**
     * One row of the article's table.
     *
     * @param label as printed, e.g. {@code Fastify (Node)}
     * @param framework matched case-insensitively against {@code Contestant.framework}
     * @param requestsPerSecond the article's "Requests/sec" (a "~" figure)
     * @param avgLatencyMillis the article's "Avg Latency", ms
     */
    public record Row(String label, String framework, double requestsPerSecond, double avgLatencyMillis) {
    }

    /**
     * @param faster the framework claimed faster
     * @param slower the other one
     * @param articleRatio faster / slower req/s in the article (2 decimals, as printed)
     */
    public record Ratio(String faster, String slower, double articleRatio) {
    }
}
