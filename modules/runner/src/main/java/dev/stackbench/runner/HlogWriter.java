package dev.stackbench.runner;

import dev.stackbench.loadgen.IntervalSample;
import dev.stackbench.loadgen.ProgressListener;
import dev.stackbench.results.TrialLogs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes the standard HdrHistogram interval log of one load run in the results format
 * ({@link TrialLogs}): one latency histogram per interval (microseconds), and in open model a
 * second one tagged {@value TrialLogs#SERVICE_TIME_TAG} with the service times; for a request mix, one
 * more per kind tagged {@code kind:NAME} with that kind's latency (the untagged one is their sum). Readable by
 * HdrHistogram's HistogramLogReader and its plotting tools.
 */
public final class HlogWriter implements ProgressListener, AutoCloseable {
    private final OutputStream out;
    private final String comment;
    private final boolean open;
    private HistogramLogWriter writer;

    private HlogWriter(OutputStream out, String comment, boolean open) {
        this.out = out;
        this.comment = comment;
        this.open = open;
    }

    /**
     * @param comment one line for the log's header, e.g. what was loaded
     * @param open    whether to write service-time intervals too (open model)
     * @throws IOException when the file cannot be created
     */
    public static HlogWriter create(Path file, String comment, boolean open) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        return new HlogWriter(Files.newOutputStream(file), comment, open);
    }

    @Override
    public void interval(IntervalSample sample, Histogram latencyInterval, Histogram serviceInterval, long cumulativeP99Micros) {
        if (writer == null) {
            writer = TrialLogs.startLog(out, Instant.ofEpochMilli(latencyInterval.getStartTimeStamp()), comment);
        }
        latencyInterval.setTag(null);
        writer.outputIntervalHistogram(latencyInterval);
        if (open) {
            serviceInterval.setTag(TrialLogs.SERVICE_TIME_TAG);
            writer.outputIntervalHistogram(serviceInterval);
            serviceInterval.setTag(null);
        }
    }

    @Override
    public void kindInterval(String kind, Histogram latencyInterval) {
        latencyInterval.setTag(TrialLogs.KIND_TAG_PREFIX + kind);
        writer.outputIntervalHistogram(latencyInterval);
        latencyInterval.setTag(null);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
