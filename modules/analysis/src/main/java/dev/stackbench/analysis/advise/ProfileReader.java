package dev.stackbench.analysis.advise;

import dev.stackbench.config.ConfigException;
import dev.stackbench.config.DurationFormat;
import dev.stackbench.config.RateFormat;
import dev.stackbench.config.YamlDocument;
import dev.stackbench.config.YamlMap;
import dev.stackbench.config.YamlValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a profile file strictly (docs/advise.md). Every mistake is one line naming the file, the
 * field, the value as written and what was expected, e.g.
 * {@code profile 'p.yaml': mix shares sum to 90% (user 70% + io 20%); expected 100%}.
 *
 * <p>Percentages are written {@code 70%} or as a plain number of percent ({@code 70}).
 */
public final class ProfileReader {
    /** The workloads a mix may name: what runs can measure today. */
    public static final List<String> WORKLOADS = List.of("json", "user", "io", "cpu");
    /** The top-level fields, in the order messages list them. */
    public static final List<String> FIELDS = List.of("mix", "ioMillis", "realtime", "peak", "p99", "errorBudget",
            "headroom", "prices", "team", "needs", "sameCostWithin");
    /** Example prices, used when the profile sets none: examples, not facts about any provider. */
    public static final double EXAMPLE_CORE_HOUR = 0.04;
    /** See {@link #EXAMPLE_CORE_HOUR}. */
    public static final double EXAMPLE_GIB_HOUR = 0.005;
    /** Defaults of the optional fields. */
    public static final int DEFAULT_IO_MILLIS = 50;
    public static final double DEFAULT_ERROR_BUDGET = 0.01;
    public static final double DEFAULT_HEADROOM = 0.30;
    public static final double DEFAULT_SAME_COST_WITHIN = 0.10;

    private static final String PERCENT = "a percentage such as 30% or 30";
    private static final String RATE = "requests per second > 0 such as 2000 or 2.5k";

    private ProfileReader() {
    }

    /** @throws ConfigException one line, see the class comment */
    public static Profile read(Path file) {
        return read(YamlDocument.read(file, "profile '" + file + "'"));
    }

    /** @param source how messages name the text, e.g. {@code profile 'p.yaml'} */
    public static Profile parse(String yaml, String source) {
        return read(YamlDocument.parse(yaml, source));
    }

    private static Profile read(YamlDocument doc) {
        YamlMap root = doc.root("the fields of docs/advise.md: mix, peak, p99, ...").allowOnly(FIELDS);
        List<Profile.Share> mix = mix(root);
        int ioMillis = root.get("ioMillis").map(v -> v.wholeNumber(0, 10_000)).orElse(DEFAULT_IO_MILLIS);
        Optional<Profile.Realtime> realtime = root.map("realtime", "a mapping {connections: N, messagesPerSecond: R}")
                .map(ProfileReader::realtime);
        double peak = rate(root.require("peak", RATE));
        YamlValue p99 = root.require("p99", "a latency such as 200ms");
        Duration target = p99.duration();
        if (target.isZero() || target.isNegative()) {
            throw p99.invalid("a latency > 0 such as 200ms");
        }
        double errorBudget = root.get("errorBudget").map(v -> percent(v, 100)).orElse(DEFAULT_ERROR_BUDGET);
        double headroom = root.get("headroom").map(v -> percent(v, 1000)).orElse(DEFAULT_HEADROOM);
        Profile.Prices prices = root.map("prices", "a mapping {coreHour: 0.04, gibHour: 0.005, currency: USD}")
                .map(ProfileReader::prices)
                .orElse(new Profile.Prices(EXAMPLE_CORE_HOUR, EXAMPLE_GIB_HOUR, "USD", true));
        List<String> team = root.get("team").map(v -> v.textList("a list of languages such as [python, javascript]",
                "a language such as python")).orElse(List.of()).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        List<Profile.Need> needs = root.map("needs", "a mapping of needs to weights, e.g. {ml-libraries: 5}")
                .map(n -> needs(n, team)).orElse(List.of());
        double sameCost = root.get("sameCostWithin").map(v -> percent(v, 100)).orElse(DEFAULT_SAME_COST_WITHIN);
        return new Profile(mix, ioMillis, realtime, peak, target.toNanos() / 1000, errorBudget, headroom, prices, team,
                needs, sameCost);
    }

    private static List<Profile.Share> mix(YamlMap root) {
        YamlMap mix = root.require("mix", "a mapping of workloads to shares, e.g. {user: 70%, io: 20%, cpu: 10%}")
                .map("a mapping of workloads to shares, e.g. {user: 70%, io: 20%, cpu: 10%}");
        List<Profile.Share> shares = new ArrayList<>();
        double sum = 0;
        List<String> terms = new ArrayList<>();
        for (String workload : mix.keys()) {
            if (!WORKLOADS.contains(workload)) {
                throw mix.error("unknown workload '" + workload + "' in mix; expected one of "
                        + String.join(", ", WORKLOADS));
            }
            YamlValue v = mix.require(workload, PERCENT);
            double fraction = percent(v, 100);
            shares.add(new Profile.Share(workload, fraction));
            sum += fraction;
            terms.add(workload + " " + percentText(fraction));
        }
        if (shares.isEmpty()) {
            throw mix.error("mix is empty; expected a mapping of workloads to shares, e.g. {user: 70%, io: 20%, cpu: 10%}");
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw mix.error("mix shares sum to " + percentText(sum) + " (" + String.join(" + ", terms)
                    + "); expected 100%");
        }
        return shares;
    }

    private static Profile.Realtime realtime(YamlMap m) {
        m.allowOnly(List.of("connections", "messagesPerSecond"));
        int connections = m.wholeNumber("connections", 0, 0);
        double messages = m.get("messagesPerSecond").map(v -> {
            double d = v.number("messages per second >= 0 such as 500");
            if (d < 0) {
                throw v.invalid("messages per second >= 0 such as 500");
            }
            return d;
        }).orElse(0.0);
        return new Profile.Realtime(connections, messages);
    }

    private static Profile.Prices prices(YamlMap m) {
        m.allowOnly(List.of("coreHour", "gibHour", "currency"));
        double core = m.get("coreHour").map(ProfileReader::price).orElse(EXAMPLE_CORE_HOUR);
        double gib = m.get("gibHour").map(ProfileReader::price).orElse(EXAMPLE_GIB_HOUR);
        String currency = m.get("currency").map(v -> v.text("a currency label such as USD")).orElse("USD");
        return new Profile.Prices(core, gib, currency, !m.has("coreHour") && !m.has("gibHour"));
    }

    private static double price(YamlValue v) {
        double d = v.number("a price >= 0 such as 0.04");
        if (d < 0) {
            throw v.invalid("a price >= 0 such as 0.04");
        }
        return d;
    }

    private static List<Profile.Need> needs(YamlMap m, List<String> team) {
        List<Profile.Need> out = new ArrayList<>();
        for (String id : m.keys()) {
            Optional<RuleOfThumb> rule = RulesOfThumb.named(id);
            Optional<YamlValue> v = m.get(id);
            String weightExpected = "a weight from 0 to 10";
            if (v.isPresent() && v.get().isMap()) {
                YamlMap own = v.get().map("a mapping {weight: 0..10, favours: [languages]}");
                own.allowOnly(List.of("weight", "favours"));
                int weight = own.get("weight").map(w -> w.wholeNumber(0, 10))
                        .orElse(rule.map(RuleOfThumb::defaultWeight).orElse(0));
                List<String> favours = own.get("favours")
                        .map(f -> f.textList("a list of languages such as [python]", "a language such as python"))
                        .orElse(rule.map(r -> favours(r, team)).orElse(List.of()));
                if (favours.isEmpty()) {
                    throw own.error("missing field '" + own.path() + ".favours'; expected the languages that meet"
                            + " this need, e.g. [python]");
                }
                out.add(new Profile.Need(id, weight, lower(favours),
                        rule.map(RuleOfThumb::citation).orElse("your profile")));
            } else if (rule.isPresent()) {
                int weight = v.map(w -> w.wholeNumber(0, 10)).orElse(rule.get().defaultWeight());
                out.add(new Profile.Need(id, weight, lower(favours(rule.get(), team)), rule.get().citation()));
            } else {
                throw m.error("unknown need '" + id + "'; expected one of " + RulesOfThumb.ids()
                        + ", or your own as {weight: 0..10, favours: [languages]}");
            }
        }
        return out;
    }

    private static List<String> favours(RuleOfThumb rule, List<String> team) {
        return rule.id().equals("team-languages") ? team : rule.favours();
    }

    private static List<String> lower(List<String> languages) {
        return languages.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    private static double rate(YamlValue v) {
        double d = v.isList() || v.isMap() ? -1 : v.scalar(RATE).strip().startsWith("-") ? -1
                : v.parsed(RATE, RateFormat::parse);
        if (!(d > 0)) {
            throw v.invalid(RATE);
        }
        return d;
    }

    /** @return a fraction from {@code 30%} or {@code 30}, within 0..max percent */
    private static double percent(YamlValue v, double maxPercent) {
        String expected = maxPercent == 100 ? "a percentage from 0% to 100% such as 30%" : PERCENT;
        double pct = v.parsed(expected, s -> Double.parseDouble(s.endsWith("%") ? s.substring(0, s.length() - 1).strip() : s));
        if (!(pct >= 0 && pct <= maxPercent)) {
            throw v.invalid(expected);
        }
        return pct / 100;
    }

    /** @return {@code 70%}, {@code 12.5%} */
    static String percentText(double fraction) {
        double pct = Math.round(fraction * 1e6) / 1e4;
        return (pct == Math.rint(pct) ? Long.toString((long) pct) : Double.toString(pct)) + "%";
    }

    /** @return the p99 target as the profile would write it, e.g. {@code 200ms} */
    static String target(Profile p) {
        return DurationFormat.format(Duration.ofNanos(p.p99TargetMicros() * 1000));
    }
}
