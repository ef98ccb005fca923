package io.mediahub.bench;

import io.mediahub.intake.parse.FilenameParser;
import io.mediahub.intake.parse.ParsedName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Measures {@link FilenameParser} on other projects' parser tests (Sonarr, Radarr, parse-torrent-name), kept OUT of
 * the repository: the cases are extracted to tab-separated files under /tmp (see docs/parser.md, "External
 * evaluation") and given as arguments. Not a test: it never runs in {@code ./mvnw verify}.
 *
 * <p>Each file: lines starting with {@code #} are comments (the first names the origin), then a header line
 * {@code name, title, year, season, episode, screen_size, source, video_codec, release_group, date}, then one case a
 * line; an empty cell is not checked, a cell {@code -} wants the property absent. Episodes are comma-separated lists,
 * compared as sets; {@code episode_span} ({@code 3-15}) checks only the first and last episode, for sources that give a
 * multi-episode file as its first and last number (a range {@code 02x03-15} is a list or a span depending on who reads it).
 *
 * <p>Titles are compared loosely, because other projects write them otherwise than guessit: accents, case and every
 * character that is not a letter or digit are dropped ({@code "Marvel's Agents of S.H.I.E.L.D."} equals
 * {@code "Marvels Agents of S H I E L D"}), and the expected title is also accepted as the parsed title followed by
 * the parsed year ({@code "Series Title 2010"}, Sonarr keeps a show's year in its title), by {@code S} and the parsed
 * season ({@code "Series Title S2"}, Sonarr keeps an anime season in its title), by the parsed country
 * ({@code "The Office US"}) or by the parsed alternative title
 * ({@code "Show - Subtitle"}, guessit splits on " - "). Everything else is compared exactly.
 *
 * <p>Usage: {@code java -cp target/classes:target/test-classes io.mediahub.bench.ExternalParserEval [--failures]
 * /tmp/parser-eval/*.tsv}: prints per file and per property accuracy, then (with {@code --failures}) each failing
 * case with what was wanted and what was read.
 */
public final class ExternalParserEval {
    static final List<String> PROPERTIES = List.of("title", "year", "season", "episode", "episode_span", "screen_size", "source",
            "video_codec", "release_group", "date");

    private ExternalParserEval() {
    }

    public static void main(String[] args) throws IOException {
        boolean showFailures = false;
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--failures")) {
                showFailures = true;
            } else {
                files.add(Path.of(a));
            }
        }
        if (files.isEmpty()) {
            System.out.println("ExternalParserEval not run: no case files given (other projects' cases are not in the repository); "
                    + "to run it: java -cp target/classes:target/test-classes io.mediahub.bench.ExternalParserEval [--failures] FILE.tsv...");
            return;
        }
        Map<String, int[]> total = new LinkedHashMap<>();
        int allCases = 0;
        int allRight = 0;
        List<String> failures = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-18s %6s %6s %8s   %s%n", "set", "cases", "right", "accuracy", "per property (right/given)"));
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            String[] header = null;
            Map<String, int[]> per = new LinkedHashMap<>();
            int cases = 0;
            int right = 0;
            String set = f.getFileName().toString().replaceFirst("\\.tsv$", "");
            for (String line : lines) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (header == null) {
                    header = cells;
                    continue;
                }
                String name = cells[0];
                ParsedName p = FilenameParser.parse(name);
                boolean ok = true;
                StringBuilder why = new StringBuilder();
                for (int i = 1; i < header.length && i < cells.length; i++) {
                    String want = cells[i];
                    if (want.isEmpty()) {
                        continue;
                    }
                    String prop = header[i];
                    boolean good = matches(prop, want, p);
                    int[] c = per.computeIfAbsent(prop, k -> new int[2]);
                    c[0]++;
                    c[1] += good ? 1 : 0;
                    int[] t = total.computeIfAbsent(prop, k -> new int[2]);
                    t[0]++;
                    t[1] += good ? 1 : 0;
                    if (!good) {
                        ok = false;
                        why.append(' ').append(prop).append(": want ").append(want).append(" got ").append(p.get(prop));
                    }
                }
                cases++;
                right += ok ? 1 : 0;
                if (!ok) {
                    failures.add(set + " | " + name + " |" + why + "\n    got " + p.properties());
                }
            }
            allCases += cases;
            allRight += right;
            out.append(String.format("%-18s %6d %6d %7.1f%%   %s%n", set, cases, right, 100.0 * right / Math.max(1, cases), describe(per)));
        }
        out.append(String.format("%-18s %6d %6d %7.1f%%   %s%n", "ALL", allCases, allRight, 100.0 * allRight / Math.max(1, allCases), describe(total)));
        System.out.print(out);
        if (showFailures) {
            System.out.println();
            failures.forEach(System.out::println);
        }
        System.out.println(failures.size() + " failing cases" + (showFailures ? "" : " (--failures lists them)"));
    }

    private static String describe(Map<String, int[]> per) {
        StringBuilder b = new StringBuilder();
        for (String p : PROPERTIES) {
            int[] c = per.get(p);
            if (c != null) {
                b.append(String.format("%s %.1f%% (%d/%d)  ", p, 100.0 * c[1] / c[0], c[1], c[0]));
            }
        }
        return b.toString().trim();
    }

    static boolean matches(String prop, String want, ParsedName p) {
        if (want.equals("-")) {
            return p.get(prop) == null;
        }
        if (prop.equals("episode_span")) {
            TreeSet<Integer> got = numbers(p.get("episode"));
            String[] ends = want.split("-");
            return !got.isEmpty() && got.first() == Integer.parseInt(ends[0]) && got.last() == Integer.parseInt(ends[1]);
        }
        Object got = p.get(prop);
        return switch (prop) {
            case "title" -> titleMatches(want, p);
            case "episode", "season" -> Objects.equals(numbers(want), numbers(got));
            default -> got != null && want.equals(String.valueOf(got instanceof List<?> l && l.size() == 1 ? l.get(0) : got));
        };
    }

    private static TreeSet<Integer> numbers(Object v) {
        TreeSet<Integer> out = new TreeSet<>();
        if (v == null) {
            return out;
        }
        if (v instanceof List<?> l) {
            l.forEach(x -> out.addAll(numbers(x)));
            return out;
        }
        for (String s : String.valueOf(v).split(",")) {
            if (!s.isBlank()) {
                out.add(Integer.parseInt(s.trim()));
            }
        }
        return out;
    }

    static boolean titleMatches(String want, ParsedName p) {
        String title = p.title();
        if (title == null) {
            return false;
        }
        String w = loose(want);
        List<String> candidates = new ArrayList<>(List.of(title));
        if (p.year() != null) {
            candidates.add(title + " " + p.year());
        }
        if (p.season() != null) {
            candidates.add(title + " S" + p.season());
            candidates.add(title + " S0" + p.season());
        }
        if (p.text("country") != null) {
            candidates.add(title + " " + p.text("country"));
            candidates.add(title + " " + ("GB".equals(p.text("country")) ? "UK" : p.text("country")));
        }
        if (p.text("alternative_title") != null) {
            candidates.add(title + " " + String.join(" ", p.values("alternative_title").stream().map(String::valueOf).toList()));
        }
        return candidates.stream().anyMatch(c -> loose(c).equals(w));
    }

    static String loose(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
