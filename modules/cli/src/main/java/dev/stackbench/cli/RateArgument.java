package dev.stackbench.cli;

import dev.stackbench.config.DurationFormat;
import dev.stackbench.config.RateFormat;
import dev.stackbench.loadgen.Defaults;
import dev.stackbench.loadgen.LoadModel;
import dev.stackbench.loadgen.RateStage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code --rate}: a constant rate ({@code 20000}, {@code 2.5k}), a ramp
 * ({@code 1000..10000/60s}, reported in {@value Defaults#RAMP_PARTS} equal stages) or steps
 * ({@code 1000,2000,4000/10s}: each rate for 10 s).
 *
 * @param constant the constant rate, requests/s, when no stages
 * @param stages   the schedule; empty for a constant rate
 */
record RateArgument(double constant, List<RateStage> stages) {
    static final String EXPECTED = "requests per second such as 2000, a ramp such as 1000..10000/60s or steps such as 1000,2000,4000/10s";
    private static final Pattern RAMP = Pattern.compile("([^.]+(?:\\.\\d+)?[km]?)\\.\\.(.+)/(\\d.*)");
    private static final Pattern STEPS = Pattern.compile("(.+)/(\\d.*)");

    /** @throws IllegalArgumentException naming the value and the forms expected */
    static RateArgument parse(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            Matcher ramp = RAMP.matcher(t);
            if (ramp.matches()) {
                double from = positive(RateFormat.parse(ramp.group(1)));
                double to = positive(RateFormat.parse(ramp.group(2)));
                Duration length = positive(DurationFormat.parse(ramp.group(3)));
                return new RateArgument(0, LoadModel.Open.ramp(from, to, length, Defaults.RAMP_PARTS));
            }
            Matcher steps = STEPS.matcher(t);
            if (steps.matches() && !t.endsWith("/s")) {
                Duration each = positive(DurationFormat.parse(steps.group(2)));
                List<RateStage> out = new ArrayList<>();
                for (String r : steps.group(1).split(",")) {
                    out.add(RateStage.step(positive(RateFormat.parse(r)), each));
                }
                return new RateArgument(0, out);
            }
            return new RateArgument(positive(RateFormat.parse(t)), List.of());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--rate '" + text + "' is not a rate: expected " + EXPECTED);
        }
    }

    private static double positive(double r) {
        if (!(r > 0) || Double.isInfinite(r)) {
            throw new IllegalArgumentException("not positive");
        }
        return r;
    }

    private static Duration positive(Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("not positive");
        }
        return d;
    }

    /** @return the schedule's total length; zero for a constant rate */
    Duration length() {
        return stages.stream().map(RateStage::length).reduce(Duration.ZERO, Duration::plus);
    }
}
