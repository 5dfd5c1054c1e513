package dev.stackbench.analysis.claims;

import dev.stackbench.config.ConfigException;
import dev.stackbench.config.YamlDocument;
import dev.stackbench.config.YamlMap;
import dev.stackbench.config.YamlValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the claims catalog strictly (docs/claims.md): every mistake is one {@link ConfigException}
 * line naming the file, the key path, the value as written and what was expected, e.g.
 *
 * <pre>
 * claims file 'claims/claims.yaml': unknown field 'claims[3].qoute'; expected one of id, seed, quote, kind, ...
 * </pre>
 */
public final class CatalogReader {
    /** The catalog version this reader reads. */
    public static final int VERSION = 1;
    /** Workloads measured today. */
    public static final List<String> TODAY = List.of("json", "user", "io", "cpu", "realtime", "blocking", "connections");
    /** Every workload a claim may name: today's, and {@code none} for per-contestant figures. */
    public static final List<String> WORKLOADS = List.of("json", "user", "io", "cpu", "realtime", "blocking",
            "connections", "none");
    static final String MEASURABLE = "measurable";
    static final String UNMEASURABLE = "not-measurable";
    static final String NOT_PERFORMANCE = "not-performance";
    private static final List<String> TOP = List.of("version", "seeds", "groups", "claims");
    private static final List<String> COMMON = List.of("id", "seed", "quote", "kind", "contradicts");
    private static final List<String> MEASURABLE_KEYS = List.of("workload", "level", "a", "b", "quantity", "rule", "note");
    private static final List<String> UNMEASURABLE_KEYS = List.of("settle", "cpus");
    private static final List<String> NOT_PERFORMANCE_KEYS = List.of("reason");
    private static final String RULE_EXPECTED = "a rule such as {above: 1.05} or {within: [1.10, 1.20]}";
    private static final Pattern ID = Pattern.compile("[0-9]{3}-[a-z0-9-]+");
    private static final Pattern LEVEL = Pattern.compile("c[1-9][0-9]*|r[1-9][0-9]*");

    private CatalogReader() {
    }

    /** @throws ConfigException naming {@code claims file '<file>'} */
    public static ClaimsCatalog read(Path file) {
        return read(YamlDocument.read(file, "claims file '" + file + "'"));
    }

    /** @param source how messages name the text, e.g. {@code claims file 'c.yaml'} */
    public static ClaimsCatalog parse(String yaml, String source) {
        return read(YamlDocument.parse(yaml, source));
    }

    private static ClaimsCatalog read(YamlDocument doc) {
        YamlMap root = doc.root("version, seeds, groups and claims (docs/claims.md)").allowOnly(TOP);
        int version = root.require("version", "the catalog version " + VERSION).integer("the catalog version " + VERSION);
        if (version != VERSION) {
            throw root.error("version is " + version + "; this Stackbench reads claims catalog version " + VERSION);
        }
        List<String> seeds = root.require("seeds", "the list of seed article files")
                .textList("the list of seed article files", "a seed file name such as 000_ad2dada82ea941c5.txt");
        Map<String, Group> groups = new LinkedHashMap<>();
        YamlMap groupMap = root.require("groups", "contestant groups such as node: {language: javascript}")
                .map("contestant groups such as node: {language: javascript}");
        for (String name : groupMap.keys()) {
            YamlMap g = groupMap.require(name, "a group such as {language: python, frameworks: [FastAPI]}")
                    .map("a group such as {language: python, frameworks: [FastAPI]}")
                    .allowOnly(List.of("language", "frameworks", "variant"));
            String language = g.get("language").map(v -> v.text("a language such as python")).orElse(null);
            List<String> frameworks = g.get("frameworks")
                    .map(v -> v.textList("a list of frameworks such as [Django, Flask]", "a framework such as Django"))
                    .orElse(List.of());
            String variant = g.get("variant").map(v -> v.text("a variant such as realistic")).orElse(null);
            if (language == null && frameworks.isEmpty()) {
                throw g.error("group '" + name + "' has neither language nor frameworks; expected e.g. {language: python}");
            }
            groups.put(name, new Group(name, language, frameworks, variant));
        }
        List<Claim> claims = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlValue item : root.require("claims", "the list of claims").list("the list of claims")) {
            Claim c = claim(item.map("a claim: a mapping with id, seed, quote and kind"), seeds, groups);
            if (!ids.add(c.id())) {
                throw root.error(item.path() + ".id is \"" + c.id() + "\"; expected an id not used before");
            }
            claims.add(c);
        }
        for (Claim c : claims) {
            for (String other : c.contradicts()) {
                if (!ids.contains(other) || other.equals(c.id())) {
                    throw root.error("claim " + c.id() + " contradicts \"" + other
                            + "\"; expected the id of another claim of the catalog");
                }
            }
        }
        return new ClaimsCatalog(version, seeds, groups, claims);
    }

    private static Claim claim(YamlMap m, List<String> seeds, Map<String, Group> groups) {
        String kind = m.require("kind", "one of measurable, not-measurable, not-performance")
                .parsed("one of measurable, not-measurable, not-performance", k -> {
                    if (!List.of(MEASURABLE, UNMEASURABLE, NOT_PERFORMANCE).contains(k)) {
                        throw new IllegalArgumentException(k);
                    }
                    return k;
                });
        List<String> allowed = new ArrayList<>(COMMON);
        allowed.addAll(switch (kind) {
            case MEASURABLE -> MEASURABLE_KEYS;
            case UNMEASURABLE -> UNMEASURABLE_KEYS;
            default -> NOT_PERFORMANCE_KEYS;
        });
        m.allowOnly(allowed);
        String id = m.require("id", "an id such as 002-db-gap").parsed("an id such as 002-db-gap (seed number, dash, words)",
                s -> {
                    if (!ID.matcher(s).matches()) {
                        throw new IllegalArgumentException(s);
                    }
                    return s;
                });
        String seed = m.require("seed", "one of the seeds: " + String.join(", ", seeds))
                .parsed("one of the seeds: " + String.join(", ", seeds), s -> {
                    if (!seeds.contains(s)) {
                        throw new IllegalArgumentException(s);
                    }
                    return s;
                });
        String quote = m.text("quote", "the sentence exactly as the article writes it");
        List<String> contradicts = m.get("contradicts")
                .map(v -> v.textList("a list of claim ids", "a claim id such as 000-python-cpu")).orElse(List.of());
        return switch (kind) {
            case MEASURABLE -> measurable(m, id, quote, seed, contradicts, groups);
            case UNMEASURABLE -> new Claim.Unmeasurable(id, quote, seed, contradicts,
                    m.text("settle", "what would settle it, e.g. multi-core scaling needs >= 4 CPUs: server CPUs 1-3"),
                    m.wholeNumber("cpus", 1, 0));
            default -> new Claim.NotPerformance(id, quote, seed, contradicts,
                    m.text("reason", "why it is not a performance claim, e.g. syntax and readability"));
        };
    }

    private static Claim measurable(YamlMap m, String id, String quote, String seed, List<String> contradicts,
            Map<String, Group> groups) {
        String workloads = String.join(", ", WORKLOADS);
        String workload = m.require("workload", "one of " + workloads).parsed("one of " + workloads, w -> {
            if (!WORKLOADS.contains(w)) {
                throw new IllegalArgumentException(w);
            }
            return w;
        });
        String level = m.get("level").map(v -> v.parsed("a load level such as c100 or r2000", l -> {
            if (!LEVEL.matcher(l).matches()) {
                throw new IllegalArgumentException(l);
            }
            return l;
        })).orElse(null);
        String groupNames = String.join(", ", groups.keySet());
        String a = m.require("a", "a group: one of " + groupNames).parsed("a group: one of " + groupNames, g -> group(g, groups));
        String b = m.require("b", "a group: one of " + groupNames).parsed("a group: one of " + groupNames, g -> group(g, groups));
        YamlValue q = m.require("quantity", "one of " + Quantity.choices());
        Quantity quantity = q.parsed("one of " + Quantity.choices(), Quantity::of);
        boolean perContestant = quantity.perContestant().isPresent();
        if (perContestant != workload.equals("none")) {
            throw q.invalid(perContestant ? "workload none for a per-contestant quantity (" + quantity.id() + ")"
                    : "a per-trial quantity with workload " + workload + "; startupTime and idleRss go with workload none");
        }
        Rule rule = rule(m.require("rule", RULE_EXPECTED));
        String note = m.get("note").map(v -> v.text("a note on how the sentence was read")).orElse("");
        return new Claim.Measurable(id, quote, seed, contradicts, workload, level, a, b, quantity, rule, note);
    }

    private static String group(String name, Map<String, Group> groups) {
        if (!groups.containsKey(name)) {
            throw new IllegalArgumentException(name);
        }
        return name;
    }

    private static Rule rule(YamlValue v) {
        YamlMap r = v.map(RULE_EXPECTED).allowOnly(List.of("above", "within"));
        if (r.has("above") == r.has("within")) {
            throw v.invalid(RULE_EXPECTED);
        }
        if (r.has("above")) {
            return new Rule.Above(r.require("above", "a ratio > 0").positiveNumber("a ratio > 0 such as 1.05"));
        }
        YamlValue w = r.require("within", "[low, high]");
        List<YamlValue> bounds = w.list("[low, high] with 0 < low < high");
        if (bounds.size() != 2) {
            throw w.invalid("[low, high] with 0 < low < high");
        }
        double low = bounds.get(0).positiveNumber("a ratio > 0");
        double high = bounds.get(1).positiveNumber("a ratio > 0");
        if (!(low < high)) {
            throw w.invalid("[low, high] with 0 < low < high");
        }
        return new Rule.Within(low, high);
    }
}
