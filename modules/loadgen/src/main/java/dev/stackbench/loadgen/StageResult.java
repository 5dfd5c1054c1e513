package dev.stackbench.loadgen;

/**
 * The figures of one stage of a rate schedule: one point of a latency-vs-rate curve. Achieved
 * rate per time: responses completed inside the stage's span to requests intended inside it (an
 * earlier stage's backlog answered during this one counts in neither, so a stage never achieves
 * more than it intended); latency and errors per request intended inside the stage, whenever it completed.
 *
 * @param stage           the stage as scheduled
 * @param startSeconds    its start, seconds since the window's start
 * @param lengthSeconds   its length, seconds (the last one may be cut short by an early end)
 * @param requests        responses completed inside the stage's span to requests intended inside it
 * @param errors          errors of the requests intended inside it (any class but connect)
 * @param latency         latency of the requests intended inside it, microseconds (censored values included)
 */
public record StageResult(RateStage stage, double startSeconds, double lengthSeconds, long requests, long errors,
                          LatencySummary latency) {

    /** @return the stage's mean target rate, requests/s */
    public double targetPerSecond() {
        return stage.meanPerSecond();
    }

    /** @return completions per second inside the stage */
    public double achievedPerSecond() {
        return lengthSeconds <= 0 ? 0 : requests / lengthSeconds;
    }

    /** @return achieved / target */
    public double achievedFraction() {
        return achievedPerSecond() / targetPerSecond();
    }
}
