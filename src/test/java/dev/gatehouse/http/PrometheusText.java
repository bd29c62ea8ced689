package dev.gatehouse.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus' text exposition format (version 0.0.4), for the tests: every line must be
 * a HELP, a TYPE, a comment or a sample per the format's grammar, a family's TYPE comes before its samples
 * and only once, a sample's name is its family's or the family's name with a suffix its type allows, label
 * values use only the format's escapes, and a histogram's buckets are cumulative up to {@code +Inf}, which
 * equals its count. No Java library for reading the format is available offline, hence this reader.
 */
final class PrometheusText {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)})? (\\S+)( -?[0-9]+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");
    private static final Pattern FLOAT = Pattern.compile("[+-]?(Inf|NaN|[0-9]*\\.?[0-9]+([eE][+-]?[0-9]+)?|[0-9]+\\.)");
    private static final Map<String, Set<String>> SUFFIXES = Map.of(
            "counter", Set.of("", "_total", "_created"),
            "gauge", Set.of(""),
            "untyped", Set.of(""),
            "histogram", Set.of("_bucket", "_sum", "_count", "_created"),
            "summary", Set.of("", "_sum", "_count", "_created"));

    record Sample(String name, Map<String, String> labels, double value) {
    }

    record Family(String name, String type, String help, List<Sample> samples) {
        /** The samples named {@code name} whose labels include every one given. */
        List<Sample> find(String name, Map<String, String> labels) {
            List<Sample> out = new ArrayList<>();
            for (Sample s : samples) {
                if (s.name.equals(name) && s.labels.entrySet().containsAll(labels.entrySet())) {
                    out.add(s);
                }
            }
            return out;
        }
    }

    private PrometheusText() {
    }

    /** @throws IllegalArgumentException naming the line that breaks the format */
    static Map<String, Family> parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the exposition must end with a line feed");
        }
        Map<String, Family> families = new LinkedHashMap<>();
        Map<String, String> helps = new HashMap<>();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            Matcher m;
            if ((m = HELP.matcher(line)).matches()) {
                if (helps.put(m.group(1), m.group(2)) != null) {
                    throw bad(n, line, "a second HELP for " + m.group(1));
                }
            } else if ((m = TYPE.matcher(line)).matches()) {
                if (families.containsKey(m.group(1))) {
                    throw bad(n, line, "a second TYPE for " + m.group(1));
                }
                families.put(m.group(1), new Family(m.group(1), m.group(2), helps.get(m.group(1)), new ArrayList<>()));
            } else if (line.startsWith("#")) {
                continue;
            } else if ((m = SAMPLE.matcher(line)).matches()) {
                String name = m.group(1);
                Family family = familyOf(families, name);
                if (family == null) {
                    throw bad(n, line, "a sample before its family's TYPE");
                }
                if (!FLOAT.matcher(m.group(4)).matches()) {
                    throw bad(n, line, "the value is not a number");
                }
                family.samples.add(new Sample(name, labels(n, line, m.group(3)), Double.parseDouble(
                        m.group(4).replace("Inf", "Infinity"))));
            } else {
                throw bad(n, line, "neither a comment nor a sample");
            }
        }
        families.values().forEach(PrometheusText::checkHistogram);
        return families;
    }

    private static Family familyOf(Map<String, Family> families, String sample) {
        for (Family f : families.values()) {
            for (String suffix : SUFFIXES.get(f.type)) {
                if (sample.equals(f.name + suffix)) {
                    return f;
                }
            }
        }
        return null;
    }

    private static Map<String, String> labels(int n, String line, String text) {
        Map<String, String> labels = new TreeMap<>();
        if (text == null || text.isEmpty()) {
            return labels;
        }
        Matcher m = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw bad(n, line, "malformed labels at character " + at);
            }
            String value = m.group(2).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
            if (labels.put(m.group(1), value) != null) {
                throw bad(n, line, "label " + m.group(1) + " given twice");
            }
            at = m.end();
        }
        return labels;
    }

    /** Buckets per series: cumulative, ending at +Inf, whose count is the series' _count. */
    private static void checkHistogram(Family f) {
        if (!f.type.equals("histogram")) {
            return;
        }
        Map<Map<String, String>, List<Sample>> series = new HashMap<>();
        Map<Map<String, String>, Double> counts = new HashMap<>();
        for (Sample s : f.samples) {
            Map<String, String> key = new TreeMap<>(s.labels);
            key.remove("le");
            if (s.name.equals(f.name + "_bucket")) {
                if (!s.labels.containsKey("le")) {
                    throw new IllegalArgumentException(f.name + ": a bucket without 'le'");
                }
                series.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            } else if (s.name.equals(f.name + "_count")) {
                counts.put(key, s.value);
            }
        }
        series.forEach((key, buckets) -> {
            double previous = 0;
            double le = Double.NEGATIVE_INFINITY;
            for (Sample b : buckets) {
                double bound = Double.parseDouble(b.labels.get("le").replace("Inf", "Infinity"));
                if (bound <= le || b.value < previous) {
                    throw new IllegalArgumentException(f.name + key + ": buckets not cumulative in order");
                }
                le = bound;
                previous = b.value;
            }
            if (le != Double.POSITIVE_INFINITY || !Double.valueOf(previous).equals(counts.get(key))) {
                throw new IllegalArgumentException(f.name + key + ": the +Inf bucket is missing or is not the count");
            }
        });
    }

    private static IllegalArgumentException bad(int n, String line, String why) {
        return new IllegalArgumentException("line " + n + " (" + why + "): " + line);
    }
}
