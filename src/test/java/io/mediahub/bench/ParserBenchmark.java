package io.mediahub.bench;

import io.mediahub.cli.ParseNameCommand;
import io.mediahub.intake.parse.FilenameParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Filename parser throughput ({@code ./mvnw -Pbench verify}): {@link FilenameParser#parse} on one thread, the
 * {@code parse-name --stdin} loop in-process (parse + JSON line out), and, when {@code target/mediahub.jar} exists,
 * the real command as a process fed through a pipe (its start-up measured separately and subtracted).
 *
 * <p>The names are generated from release-name templates (movies, episodes, anime, dates, paths) with a fixed seed,
 * so runs compare. Prints one line per figure. Argument: how many names (default 200,000).
 */
public final class ParserBenchmark {
    private static final String[] TITLES = {"The Dark Knight", "Breaking Bad", "Game of Thrones", "Le Fabuleux Destin d'Amelie Poulain",
            "Marvels Agents of S.H.I.E.L.D", "The Office US", "Doctor Who 2005", "One Piece", "Star Wars The Last Jedi", "Sherlock",
            "Das Boot", "12 Monkeys", "The 100", "Blade Runner 2049", "Spirited Away", "Planet Earth II", "Mad Men", "Narcos",
            "La Casa de Papel", "Stranger Things", "Show Name", "Some Movie Title"};
    private static final String[] SIZES = {"720p", "1080p", "2160p", "480p", "1080i", "1920x1080", "4K"};
    private static final String[] SOURCES = {"BluRay", "WEB-DL", "WEBRip", "HDTV", "DVDRip", "BDRip", "AMZN.WEB-DL", "NF.WEBRip", "UHD.BluRay"};
    private static final String[] CODECS = {"x264", "x265", "H.264", "HEVC", "XviD", "AVC", "H264"};
    private static final String[] AUDIO = {"DD5.1", "AAC2.0", "DTS-HD.MA.5.1", "AC3", "DDP5.1", "TrueHD.7.1.Atmos", "FLAC", ""};
    private static final String[] GROUPS = {"SPARKS", "NTb", "CtrlHD", "DIMENSION", "LOL", "KILLERS", "FraMeSToR", "EVO", "RARBG", "monkee"};
    private static final String[] EXTS = {".mkv", ".mp4", ".avi", ""};

    private ParserBenchmark() {
    }

    static List<String> names(int n) {
        Random r = new Random(42);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String title = TITLES[r.nextInt(TITLES.length)];
            String sep = r.nextInt(3) == 0 ? " " : ".";
            String t = title.replace(" ", sep);
            String tech = SIZES[r.nextInt(SIZES.length)] + sep + SOURCES[r.nextInt(SOURCES.length)] + sep
                    + (r.nextBoolean() ? AUDIO[r.nextInt(AUDIO.length)] + sep : "") + CODECS[r.nextInt(CODECS.length)]
                    + "-" + GROUPS[r.nextInt(GROUPS.length)];
            String name = switch (r.nextInt(6)) {
                case 0 -> t + sep + (1950 + r.nextInt(75)) + sep + tech;
                case 1 -> t + sep + String.format("S%02dE%02d", 1 + r.nextInt(12), 1 + r.nextInt(24)) + sep + "Episode" + sep + "Title" + sep + tech;
                case 2 -> "[" + GROUPS[r.nextInt(GROUPS.length)] + "] " + title + " - " + String.format("%02d", 1 + r.nextInt(900)) + " [" + SIZES[r.nextInt(3)] + "][ABCD1234]";
                case 3 -> "/media/tv/" + title + "/Season " + (1 + r.nextInt(9)) + "/" + t + sep + (1 + r.nextInt(9)) + "x" + String.format("%02d", 1 + r.nextInt(24)) + sep + tech;
                case 4 -> t + sep + (2000 + r.nextInt(25)) + "." + String.format("%02d.%02d", 1 + r.nextInt(12), 1 + r.nextInt(28)) + sep + "Guest" + sep + tech;
                default -> "Movies/" + title + " (" + (1950 + r.nextInt(75)) + ")/" + t + sep + tech;
            };
            out.add(name + EXTS[r.nextInt(EXTS.length)]);
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        List<String> names = names(n);
        System.out.printf("parser benchmark: %,d generated names, %d cores, max heap %d MB, Java %s, load average %.1f%n", n,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        // warm-up, then one thread, parse only
        long sink = 0;
        for (int i = 0; i < Math.min(n, 50_000); i++) {
            sink += FilenameParser.parse(names.get(i)).properties().size();
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (String name : names) {
            sink += FilenameParser.parse(name).properties().size();
        }
        double parseSecs = (System.nanoTime() - t0) / 1e9;
        double parseCpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        System.out.printf("FilenameParser.parse, 1 thread: %,.0f names/s wall (%.1f µs per name), %,.0f names/s per CPU-second%n",
                n / parseSecs, parseSecs * 1e6 / n, n / parseCpu);

        List<String> bare = names.stream().map(x -> x.substring(x.lastIndexOf('/') + 1)).toList();
        c0 = threads.getCurrentThreadCpuTime();
        for (String name : bare) {
            sink += FilenameParser.parse(name).properties().size();
        }
        System.out.printf("FilenameParser.parse, file names without folders: %,.0f names/s per CPU-second%n",
                n / ((threads.getCurrentThreadCpuTime() - c0) / 1e9));

        // the --stdin loop in-process: parse + one JSON line each
        String input = String.join("\n", names) + "\n";
        long[] bytes = {0};
        Writer nul = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) {
                bytes[0] += len;
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        c0 = os.getProcessCpuTime();
        t0 = System.nanoTime();
        long lines = ParseNameCommand.stream(new BufferedReader(new StringReader(input), 1 << 16), nul);
        double streamSecs = (System.nanoTime() - t0) / 1e9;
        double streamCpu = (os.getProcessCpuTime() - c0) / 1e9;
        System.out.printf("parse-name --stdin loop, in-process, all cores: %,.0f names/s wall, %,.0f names/s per CPU-second (%,d JSON lines, %,d chars)%n",
                lines / streamSecs, lines / streamCpu, lines, bytes[0]);

        Path jar = Path.of("target", "mediahub.jar");
        if (Files.exists(jar)) {
            Path in = Files.createTempFile("names", ".txt");
            Files.writeString(in, input, StandardCharsets.UTF_8);
            Path one = Files.createTempFile("one", ".txt");
            Files.writeString(one, names.get(0) + "\n", StandardCharsets.UTF_8);
            double startSecs = runJar(jar, one);
            double allSecs = runJar(jar, in);
            System.out.printf("java -jar target/mediahub.jar parse-name --stdin (process, pipe): start-up %.2f s, %,d names in %.2f s = %,.0f names/s after start-up%n",
                    startSecs, n, allSecs, n / Math.max(1e-3, allSecs - startSecs));
            Files.delete(in);
            Files.delete(one);
        } else {
            System.out.println("(target/mediahub.jar not built: the process figure is skipped; ./mvnw -Pbench verify builds it first)");
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static double runJar(Path jar, Path input) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("java", "-jar", jar.toString(), "parse-name", "--stdin");
        pb.redirectInput(input.toFile());
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        long t0 = System.nanoTime();
        Process p = pb.start();
        long lines = 0;
        try (InputStream out = p.getInputStream()) {
            byte[] buf = new byte[1 << 16];
            int r;
            while ((r = out.read(buf)) > 0) {
                for (int i = 0; i < r; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("parse-name --stdin failed");
        }
        if (lines == 0) {
            throw new IllegalStateException("parse-name --stdin wrote nothing");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

}
