package io.mediahub.history;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The one-hot genre matrix: one row per library item, one column per genre of the vocabulary (sorted, stored with the
 * matrix). Rows are bit sets, so the cosine of two L2-normalised one-hot vectors is {@code |a∧b| / √(|a|·|b|)}.
 * Episodes carry their series' row (when the series is in the library), as the issue asks.
 *
 * <p>Saved as a small versioned binary file with the library's content hash, so {@code features-build-genres} rebuilds
 * only when the library changed and {@code similar}/{@code recommend} load it in milliseconds.
 */
public final class GenreMatrix {
    public static final int FORMAT_VERSION = 1;
    public static final String FILE_NAME = "genre-matrix-v" + FORMAT_VERSION + ".bin";
    private static final int MAGIC = 0x4d484731; // "MHG1"

    final String contentHash;
    final String source;
    final List<String> vocabulary;
    final int words;
    final String[] ids;
    final String[] names;
    final String[] types;
    final String[] seriesIds;
    final int[] seasons;
    final int[] episodes;
    final int[] years;
    final long[] bits;
    final int[] genreCounts;
    private final boolean[] episode;
    private Map<String, Integer> byId;

    private GenreMatrix(String contentHash, String source, List<String> vocabulary, String[] ids, String[] names, String[] types,
                        String[] seriesIds, int[] seasons, int[] episodes, int[] years, long[] bits) {
        this.contentHash = contentHash;
        this.source = source;
        this.vocabulary = List.copyOf(vocabulary);
        this.words = Math.max(1, (vocabulary.size() + 63) / 64);
        this.ids = ids;
        this.names = names;
        this.types = types;
        this.seriesIds = seriesIds;
        this.seasons = seasons;
        this.episodes = episodes;
        this.years = years;
        this.bits = bits;
        this.genreCounts = new int[ids.length];
        this.episode = new boolean[ids.length];
        for (int i = 0; i < ids.length; i++) {
            episode[i] = "Episode".equalsIgnoreCase(types[i]);
        }
        for (int i = 0; i < ids.length; i++) {
            int n = 0;
            for (int w = 0; w < words; w++) {
                n += Long.bitCount(bits[i * words + w]);
            }
            genreCounts[i] = n;
        }
    }

    /** Builds the matrix from the source's rows and their content hash. */
    public static GenreMatrix build(List<GenreSource.Row> rows, String source, String contentHash) {
        TreeSet<String> vocab = new TreeSet<>();
        rows.forEach(r -> vocab.addAll(r.genres()));
        List<String> vocabulary = new ArrayList<>(vocab);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            col.put(vocabulary.get(i), i);
        }
        Map<String, GenreSource.Row> series = new HashMap<>();
        for (GenreSource.Row r : rows) {
            if ("Series".equalsIgnoreCase(r.itemType())) {
                series.put(r.itemId(), r);
            }
        }
        int n = rows.size();
        int words = Math.max(1, (vocabulary.size() + 63) / 64);
        long[] bits = new long[n * words];
        String[] ids = new String[n];
        String[] names = new String[n];
        String[] types = new String[n];
        String[] seriesIds = new String[n];
        int[] seasons = new int[n];
        int[] episodes = new int[n];
        int[] years = new int[n];
        for (int i = 0; i < n; i++) {
            GenreSource.Row r = rows.get(i);
            ids[i] = r.itemId();
            names[i] = r.name() == null ? r.itemId() : r.name();
            types[i] = r.itemType() == null ? "" : r.itemType();
            seriesIds[i] = r.seriesId();
            seasons[i] = r.season() == null ? -1 : r.season();
            episodes[i] = r.episode() == null ? -1 : r.episode();
            years[i] = r.year() == null ? -1 : r.year();
            GenreSource.Row vectorRow = "Episode".equalsIgnoreCase(r.itemType()) && r.seriesId() != null && series.containsKey(r.seriesId())
                    ? series.get(r.seriesId()) : r;
            for (String g : vectorRow.genres()) {
                int c = col.get(g);
                bits[i * words + c / 64] |= 1L << (c % 64);
            }
        }
        return new GenreMatrix(contentHash, source, vocabulary, ids, names, types, seriesIds, seasons, episodes, years, bits);
    }

    /** SHA-256 over the source name, the format version and every row, in order. */
    public static String contentHash(String source, List<GenreSource.Row> rows) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((source + "\u0000" + FORMAT_VERSION + "\u0000").getBytes(StandardCharsets.UTF_8));
            for (GenreSource.Row r : rows) {
                md.update((r.itemId() + "\u0001" + r.name() + "\u0001" + r.itemType() + "\u0001" + r.seriesId() + "\u0001" + r.season() + "\u0001"
                        + r.episode() + "\u0001" + r.year() + "\u0001" + String.join("\u0002", r.genres()) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public int size() {
        return ids.length;
    }

    public List<String> vocabulary() {
        return vocabulary;
    }

    public String contentHash() {
        return contentHash;
    }

    public String id(int row) {
        return ids[row];
    }

    public String name(int row) {
        return names[row];
    }

    public String type(int row) {
        return types[row];
    }

    public int year(int row) {
        return years[row];
    }

    public boolean isEpisode(int row) {
        return episode[row];
    }

    /** The row of an item id, or -1. */
    public int row(String itemId) {
        if (byId == null) {
            Map<String, Integer> m = new HashMap<>(ids.length * 2);
            for (int i = 0; i < ids.length; i++) {
                m.put(ids[i], i);
            }
            byId = m;
        }
        return byId.getOrDefault(itemId, -1);
    }

    /** The title a row counts as: an episode's series (when in the library), else the row itself. */
    public int title(int row) {
        if (isEpisode(row) && seriesIds[row] != null) {
            int s = row(seriesIds[row]);
            if (s >= 0) {
                return s;
            }
        }
        return row;
    }

    public boolean has(int row, int genre) {
        return (bits[row * words + genre / 64] & (1L << (genre % 64))) != 0;
    }

    public List<String> genres(int row) {
        List<String> out = new ArrayList<>();
        for (int g = 0; g < vocabulary.size(); g++) {
            if (has(row, g)) {
                out.add(vocabulary.get(g));
            }
        }
        return out;
    }

    /** Cosine similarity of two rows' L2-normalised one-hot vectors (0 when either has no genre). */
    public double cosine(int a, int b) {
        if (genreCounts[a] == 0 || genreCounts[b] == 0) {
            return 0;
        }
        int both = 0;
        for (int w = 0; w < words; w++) {
            both += Long.bitCount(bits[a * words + w] & bits[b * words + w]);
        }
        return both / Math.sqrt((double) genreCounts[a] * genreCounts[b]);
    }

    public void save(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeUTF(contentHash);
            out.writeUTF(source);
            out.writeInt(vocabulary.size());
            for (String g : vocabulary) {
                out.writeUTF(g);
            }
            out.writeInt(ids.length);
            for (int i = 0; i < ids.length; i++) {
                out.writeUTF(ids[i]);
                out.writeUTF(truncate(names[i]));
                out.writeUTF(types[i]);
                out.writeUTF(seriesIds[i] == null ? "" : seriesIds[i]);
                out.writeInt(seasons[i]);
                out.writeInt(episodes[i]);
                out.writeInt(years[i]);
            }
            for (long b : bits) {
                out.writeLong(b);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String truncate(String s) {
        return s.length() > 10_000 ? s.substring(0, 10_000) : s;
    }

    /** Loads a saved matrix; an unknown format or a damaged file is an IOException. */
    public static GenreMatrix load(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT_VERSION) {
                throw new IOException(file + " is not a genre matrix of format " + FORMAT_VERSION);
            }
            String hash = in.readUTF();
            String source = in.readUTF();
            int v = in.readInt();
            List<String> vocabulary = new ArrayList<>(v);
            for (int i = 0; i < v; i++) {
                vocabulary.add(in.readUTF());
            }
            int n = in.readInt();
            String[] ids = new String[n];
            String[] names = new String[n];
            String[] types = new String[n];
            String[] seriesIds = new String[n];
            int[] seasons = new int[n];
            int[] episodes = new int[n];
            int[] years = new int[n];
            for (int i = 0; i < n; i++) {
                ids[i] = in.readUTF();
                names[i] = in.readUTF();
                types[i] = in.readUTF();
                String s = in.readUTF();
                seriesIds[i] = s.isEmpty() ? null : s;
                seasons[i] = in.readInt();
                episodes[i] = in.readInt();
                years[i] = in.readInt();
            }
            int words = Math.max(1, (v + 63) / 64);
            long[] bits = new long[n * words];
            for (int i = 0; i < bits.length; i++) {
                bits[i] = in.readLong();
            }
            return new GenreMatrix(hash, source, vocabulary, ids, names, types, seriesIds, seasons, episodes, years, bits);
        } catch (java.io.EOFException e) {
            throw new IOException(file + " is cut short; run features-build-genres --full", e);
        }
    }

    public int season(int row) {
        return seasons[row];
    }

    public int episode(int row) {
        return episodes[row];
    }

    String seriesId(int row) {
        return seriesIds[row];
    }
}
