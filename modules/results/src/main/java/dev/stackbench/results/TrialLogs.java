package dev.stackbench.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The per-trial HdrHistogram interval logs: the standard {@link HistogramLogWriter} format,
 * readable by HdrHistogram's own {@code HistogramLogProcessor} and plotters.
 *
 * <p>Conventions: values are <b>microseconds</b>; untagged intervals hold the response time
 * (schema 2: of successful responses, with censored values; in the open model timed from the
 * intended send time); intervals tagged {@value #SERVICE_TIME_TAG} hold the open model's service
 * time (actual send to response); intervals tagged {@value #ERROR_LATENCY_TAG} (schema 2) hold
 * the latency of non-success responses.
 * Interval time stamps are seconds relative to the trial start (the log's base time).
 *
 * <pre>{@code
 * try (var out = Files.newOutputStream(dir.resolve(path))) {
 *     HistogramLogWriter log = TrialLogs.startLog(out, trialStart, "fastify json c1000 trial 1");
 *     log.outputIntervalHistogram(0.0, 1.0, intervalMicros, TrialLogs.MAX_VALUE_UNIT_RATIO);
 * }
 * }</pre>
 */
public final class TrialLogs {

    /** The tag of open-model service-time intervals. */
    public static final String SERVICE_TIME_TAG = "service";
    /** Tag prefix of a request mix's per-kind intervals: {@code kind:json}. */
    public static final String KIND_TAG_PREFIX = "kind:";

    /** The tag of intervals holding non-success responses' latency (schema 2). */
    public static final String ERROR_LATENCY_TAG = "error";

    /** Divisor that prints each interval's max column in milliseconds (values are microseconds). */
    public static final double MAX_VALUE_UNIT_RATIO = 1000.0;

    private TrialLogs() {
    }

    /**
     * @return {@code trials/<contestant>/<workload>/<level label>-t<trial>.hlog}, relative to
     *     the results directory, '/'-separated
     */
    public static String relativePath(String contestant, String workload, LoadLevel level, int trial) {
        return "trials/" + contestant + "/" + workload + "/" + level.label() + "-t" + trial + ".hlog";
    }

    /**
     * Writes the log header (format version, a comment, base time, legend) and returns the writer
     * for the intervals. The caller owns and closes {@code out}.
     *
     * @param trialStart the base time: interval time stamps are seconds after it
     * @param comment one line, e.g. {@code fastify json c1000 trial 1, values in microseconds}
     */
    public static HistogramLogWriter startLog(OutputStream out, Instant trialStart, String comment) {
        HistogramLogWriter log = new HistogramLogWriter(out);
        log.outputLogFormatVersion();
        log.outputComment(comment);
        log.outputBaseTime(trialStart.toEpochMilli());
        log.setBaseTime(trialStart.toEpochMilli());
        log.outputLegend();
        return log;
    }

    /**
     * Reads a trial log and adds up its intervals.
     *
     * @throws ResultsFormatException MALFORMED when the log cannot be decoded
     */
    public static Histograms read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            HistogramLogReader reader = new HistogramLogReader(in);
            Histogram latency = null;
            Histogram service = null;
            Histogram error = null;
            Map<String, Histogram> kinds = new TreeMap<>();
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null) {
                if (!(next instanceof Histogram interval)) {
                    throw new ResultsFormatException(ResultsFormatException.Kind.MALFORMED,
                            file + " holds a " + next.getClass().getSimpleName()
                                    + "; trial logs hold integer microsecond histograms");
                }
                if (SERVICE_TIME_TAG.equals(interval.getTag())) {
                    service = add(service, interval);
                } else if (ERROR_LATENCY_TAG.equals(interval.getTag())) {
                    error = add(error, interval);
                } else if (interval.getTag() != null && interval.getTag().startsWith(KIND_TAG_PREFIX)) {
                    // a request mix's per-kind intervals; the untagged one already holds their sum
                    String kind = interval.getTag().substring(KIND_TAG_PREFIX.length());
                    kinds.put(kind, add(kinds.get(kind), interval));
                } else {
                    latency = add(latency, interval);
                }
            }
            if (latency == null) {
                throw new ResultsFormatException(ResultsFormatException.Kind.MALFORMED,
                        file + " has no latency intervals");
            }
            return new Histograms(latency, Optional.ofNullable(service), Optional.ofNullable(error), kinds);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ResultsFormatException r) {
                throw r;
            }
            throw new ResultsFormatException(ResultsFormatException.Kind.MALFORMED,
                    "cannot read trial log " + file + ": " + e.getMessage(), e);
        }
    }

    private static Histogram add(Histogram sum, Histogram interval) {
        if (sum == null) {
            Histogram first = new Histogram(interval.getNumberOfSignificantValueDigits());
            first.add(interval);
            return first;
        }
        sum.add(interval);
        return sum;
    }

    /**
     * The whole trial's distributions, values in microseconds.
     *
     * @param latency response times (schema 2: successful responses, censored values included)
     * @param serviceTime open model only
     * @param errorLatency non-success responses' latency, when the log has it
     * @param kinds a request mix's latency per kind (intervals tagged {@code kind:NAME}), by name;
     *     empty for a single kind
     */
    public record Histograms(Histogram latency, Optional<Histogram> serviceTime, Optional<Histogram> errorLatency,
                             Map<String, Histogram> kinds) {
        public Histograms {
            kinds = Map.copyOf(kinds);
        }

        /** Without kinds. */
        public Histograms(Histogram latency, Optional<Histogram> serviceTime, Optional<Histogram> errorLatency) {
            this(latency, serviceTime, errorLatency, Map.of());
        }

        /**
         * @return the distribution the trial's own latency figures describe: for a request mix
         *     ({@link TrialDetail.Mix}) its first kind's (the blocking mix's json), else {@link #latency()}
         */
        public Histogram of(Trial trial) {
            if (trial.detail() instanceof TrialDetail.Mix mix && kinds.containsKey(mix.kinds().get(0).name())) {
                return kinds.get(mix.kinds().get(0).name());
            }
            return latency;
        }
    }
}
