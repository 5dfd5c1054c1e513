package dev.stackbench.analysis.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Structural comparison of two JSON values: the same members with the same types and values;
 * member order and whitespace are free. Numbers compare by value ({@code 1} and {@code 1.0} are
 * equal, as JSON has one number type). Arrays compare element by element; an array holding the same
 * elements in another order is one {@link Difference.Kind#ORDER} difference at the array's path,
 * and with {@code ignoreArrayOrder} arrays compare as multisets. Paths are JSONPath:
 * {@code $.items[2].name}, {@code $['odd key']}.
 */
public final class JsonDiff {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][\\w$]*");
    private final DiffSettings settings;

    public JsonDiff(DiffSettings settings) {
        this.settings = settings;
    }

    /** @return the differences of {@code neu} from {@code old}, outside the ignored paths, in document order */
    public List<Difference> compare(JsonNode old, JsonNode neu) {
        List<Difference> out = new ArrayList<>();
        compare("$", old, neu, out);
        return out;
    }

    private void compare(String path, JsonNode old, JsonNode neu, List<Difference> out) {
        if (settings.ignores(path)) {
            return;
        }
        if (old.getNodeType() != neu.getNodeType()) {
            out.add(new Difference(Difference.Kind.TYPE, path, typed(old), typed(neu)));
        } else if (old.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            old.fieldNames().forEachRemaining(names::add);
            neu.fieldNames().forEachRemaining(names::add);
            // old's member order first, then the new ones: reports read like the old document
            List<String> ordered = new ArrayList<>();
            old.fieldNames().forEachRemaining(ordered::add);
            names.stream().filter(n -> !old.has(n)).forEach(ordered::add);
            for (String name : ordered) {
                String child = path + member(name);
                if (settings.ignores(child)) {
                    continue;
                }
                if (!neu.has(name)) {
                    out.add(new Difference(Difference.Kind.MISSING, child, old.get(name).toString(), Difference.ABSENT));
                } else if (!old.has(name)) {
                    out.add(new Difference(Difference.Kind.EXTRA, child, Difference.ABSENT, neu.get(name).toString()));
                } else {
                    compare(child, old.get(name), neu.get(name), out);
                }
            }
        } else if (old.isArray()) {
            compareArrays(path, old, neu, out);
        } else if (old.isNumber() ? old.decimalValue().compareTo(neu.decimalValue()) != 0 : !old.equals(neu)) {
            out.add(new Difference(Difference.Kind.VALUE, path, old.toString(), neu.toString()));
        }
    }

    private void compareArrays(String path, JsonNode old, JsonNode neu, List<Difference> out) {
        boolean sameElements = old.size() == neu.size() && counts(path, old).equals(counts(path, neu));
        if (sameElements) {
            if (!settings.ignoreArrayOrder() && !inOrder(path, old, neu)) {
                out.add(new Difference(Difference.Kind.ORDER, path, old.toString(), neu.toString()));
            }
            return;
        }
        if (settings.ignoreArrayOrder()) {
            out.add(new Difference(Difference.Kind.VALUE, path, old.toString(), neu.toString()));
            return;
        }
        int common = Math.min(old.size(), neu.size());
        for (int i = 0; i < common; i++) {
            compare(path + "[" + i + "]", old.get(i), neu.get(i), out);
        }
        for (int i = common; i < old.size(); i++) {
            out.add(new Difference(Difference.Kind.MISSING, path + "[" + i + "]", old.get(i).toString(), Difference.ABSENT));
        }
        for (int i = common; i < neu.size(); i++) {
            out.add(new Difference(Difference.Kind.EXTRA, path + "[" + i + "]", Difference.ABSENT, neu.get(i).toString()));
        }
    }

    private boolean inOrder(String path, JsonNode old, JsonNode neu) {
        for (int i = 0; i < old.size(); i++) {
            if (!equal(path + "[" + i + "]", old.get(i), neu.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Elements keyed by their canonical text, counted: two arrays are the same multiset when these agree. */
    private Map<String, Integer> counts(String path, JsonNode array) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            counts.merge(canonical(path + "[" + i + "]", array.get(i)), 1, Integer::sum);
        }
        return counts;
    }

    private boolean equal(String path, JsonNode a, JsonNode b) {
        List<Difference> d = new ArrayList<>();
        compare(path, a, b, d);
        return d.isEmpty();
    }

    /** Sorted members, numbers by value, ignored paths left out, arrays sorted when order is ignored. */
    private String canonical(String path, JsonNode node) {
        if (node.isObject()) {
            StringBuilder b = new StringBuilder("{");
            TreeSet<String> names = new TreeSet<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = path + member(name);
                if (!settings.ignores(child)) {
                    b.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(name)).append(':')
                            .append(canonical(child, node.get(name))).append(',');
                }
            }
            return b.append('}').toString();
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                items.add(canonical(path + "[" + i + "]", node.get(i)));
            }
            if (settings.ignoreArrayOrder()) {
                items.sort(null);
            }
            return "[" + String.join(",", items) + "]";
        }
        return node.isNumber() ? node.decimalValue().stripTrailingZeros().toPlainString() : node.toString();
    }

    private static String member(String name) {
        return PLAIN_NAME.matcher(name).matches() ? "." + name : "['" + name.replace("'", "\\'") + "']";
    }

    private static String typed(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + node;
    }
}
