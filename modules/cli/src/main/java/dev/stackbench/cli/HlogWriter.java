package dev.stackbench.cli;

import dev.stackbench.loadgen.IntervalSample;
import dev.stackbench.loadgen.LoadModel;
import dev.stackbench.loadgen.LoadSpec;
import dev.stackbench.loadgen.ProgressListener;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes the standard HdrHistogram interval log: one latency histogram per interval
 * (microseconds), and in open model a second one tagged {@code service} with the service times.
 * Readable by HdrHistogram's HistogramLogReader and its plotting tools.
 */
final class HlogWriter implements ProgressListener, AutoCloseable {
    private final PrintStream stream;
    private final HistogramLogWriter writer;
    private final boolean open;
    private boolean started;

    private HlogWriter(PrintStream stream, boolean open, LoadSpec spec) {
        this.stream = stream;
        this.writer = new HistogramLogWriter(stream);
        this.open = open;
        writer.outputComment("stackbench load " + spec);
        writer.outputComment("values in microseconds; untagged: latency" + (open ? " from the intended send time; tag service: from the actual send" : ""));
        writer.outputLogFormatVersion();
    }

    static HlogWriter open(Path file, LoadSpec spec) {
        try {
            return new HlogWriter(new PrintStream(file.toFile(), java.nio.charset.StandardCharsets.US_ASCII),
                    spec.model() instanceof LoadModel.Open, spec);
        } catch (FileNotFoundException e) {
            throw new UserException(ExitCode.USAGE, "--hlog '" + file + "' cannot be written: " + e.getMessage());
        } catch (java.io.IOException e) {
            throw new UserException(ExitCode.USAGE, "--hlog '" + file + "' cannot be written: " + e.getMessage());
        }
    }

    @Override
    public void interval(IntervalSample sample, Histogram latencyInterval, Histogram serviceInterval, long cumulativeP99Micros) {
        if (!started) {
            writer.outputStartTime(latencyInterval.getStartTimeStamp());
            writer.setBaseTime(latencyInterval.getStartTimeStamp());
            writer.outputLegend();
            started = true;
        }
        latencyInterval.setTag(null);
        writer.outputIntervalHistogram(latencyInterval);
        if (open) {
            serviceInterval.setTag("service");
            writer.outputIntervalHistogram(serviceInterval);
            serviceInterval.setTag(null);
        }
    }

    @Override
    public void close() {
        stream.close();
    }
}
