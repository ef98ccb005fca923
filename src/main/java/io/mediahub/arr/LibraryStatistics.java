package io.mediahub.arr;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Totals, score spread and distributions of one service's files (the *Arr score exporter's library statistics, with median and sizes). */
public record LibraryStatistics(long total, long positive, long zero, long negative, int minScore, int maxScore, double meanScore,
                                double medianScore, Map<String, Long> byProfile, Map<String, Long> byResolution, Map<String, Long> byCodec,
                                long totalSizeBytes, double meanSizeBytes) {

    public static LibraryStatistics of(Collection<ArrFile> files) {
        long n = files.size();
        int[] scores = files.stream().mapToInt(ArrFile::totalScore).sorted().toArray();
        long size = files.stream().mapToLong(ArrFile::sizeBytes).sum();
        double median = n == 0 ? 0 : n % 2 == 1 ? scores[(int) (n / 2)] : (scores[(int) (n / 2) - 1] + scores[(int) (n / 2)]) / 2.0;
        return new LibraryStatistics(n, files.stream().filter(f -> f.totalScore() > 0).count(), files.stream().filter(f -> f.totalScore() == 0).count(),
                files.stream().filter(f -> f.totalScore() < 0).count(), n == 0 ? 0 : scores[0], n == 0 ? 0 : scores[scores.length - 1],
                n == 0 ? 0 : java.util.Arrays.stream(scores).asLongStream().sum() / (double) n, median,
                countBy(files, f -> f.profileName() == null ? "Unknown profile" : f.profileName()), countBy(files, ArrFile::resolution),
                countBy(files, ArrFile::codec), size, size / (double) Math.max(n, 1));
    }

    private static Map<String, Long> countBy(Collection<ArrFile> files, Function<ArrFile, String> key) {
        Map<String, Long> counts = files.stream().collect(Collectors.groupingBy(f -> key.apply(f) == null ? "Unknown" : key.apply(f), TreeMap::new,
                Collectors.counting()));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    public double meanSizeGb() {
        return meanSizeBytes / ArrFile.GIB;
    }

    public double totalSizeGb() {
        return totalSizeBytes / ArrFile.GIB;
    }

    /** GB with two decimals, or TB above 1 TB (1024 GB). */
    public static String formatSize(long bytes) {
        double gb = bytes / ArrFile.GIB;
        return gb >= 1024 ? String.format(Locale.ROOT, "%.2f TB", gb / 1024) : String.format(Locale.ROOT, "%.2f GB", gb);
    }

    public double positiveShare() {
        return total == 0 ? 0 : positive / (double) total;
    }

    static List<Integer> scores(Collection<ArrFile> files) {
        return files.stream().map(ArrFile::totalScore).toList();
    }
}
