package io.mediahub.history;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.CRC32C;

/**
 * The one-hot genre matrix: one row per library item, one column per genre of the vocabulary (sorted, stored with the
 * matrix). Rows are bit sets, so the cosine of two L2-normalised one-hot vectors is {@code |a∧b| / √(|a|·|b|)}.
 * Episodes carry their series' row (when the series is in the library).
 *
 * <p>The matrix <em>is</em> its cache file's bytes: {@link #build} lays the rows out in a buffer exactly as
 * {@link #save} writes them, and {@link #load} maps the file and reads it in place, so loading does not depend on the
 * number of items beyond a checksum pass. Fixed-width sections (bit rows, genre counts, types, title rows, seasons,
 * episodes, years, the tie order, an id and a name index) are read through {@link LongBuffer}/{@link IntBuffer} views;
 * ids and names sit in one UTF-8 blob with an offsets table and are decoded only when asked for.
 *
 * <p>File format {@value #FORMAT_VERSION} (see docs/history.md): a 24-byte header — magic and version as big-endian ints
 * (the same first 8 bytes as every earlier version, so an old file is recognised as old), then, little-endian, the file's
 * length and a CRC-32C of everything after the header — then the counts, a section table (offset and length of each
 * section) and the sections, each 8-byte aligned. A file that is cut short, has the wrong length, version or checksum, or
 * whose sections do not fit, is refused with an {@link IOException} and rebuilt by {@link GenreMatrixBuild}; it is
 * never trusted.
 */
public final class GenreMatrix {
    public static final int FORMAT_VERSION = 2;
    public static final String FILE_NAME = "genre-matrix-v" + FORMAT_VERSION + ".bin";
    static final int MAGIC = 0x4d484731; // "MHG1", the first four bytes of every version
    private static final int HEADER = 24;
    private static final int COUNTS = 16; // items, genres, words, sections
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    /** The sections of the file, in file order. */
    private enum Section { META, BITS, GENRE_COUNTS, TYPES, TITLES, SEASONS, EPISODES, YEARS, TIE_RANK, ID_INDEX, NAME_INDEX, STRING_OFFSETS, STRINGS }

    private final ByteBuffer buffer;
    private final int n;
    final int words;
    private final String contentHash;
    private final String source;
    private final List<String> vocabulary;
    private final String[] typeNames;
    private final boolean[] typeIsEpisode;
    private final LongBuffer bits;
    private final IntBuffer genreCounts;
    private final IntBuffer types;
    private final IntBuffer titles;
    private final IntBuffer seasons;
    private final IntBuffer episodes;
    private final IntBuffer years;
    private final IntBuffer tieRank;
    private final LongBuffer idIndex;
    private final LongBuffer nameIndex;
    private final IntBuffer stringOffsets;
    private final ByteBuffer strings;
    /**
     * Ids (at 2·row) and names (at 2·row + 1) decoded so far, allocated on first use: loading creates no per-item object.
     * Threads may share a matrix; two of them filling the same slot store equal strings.
     */
    private String[] decoded;

    private GenreMatrix(ByteBuffer buffer, String what, boolean verify) throws IOException {
        this.buffer = buffer;
        try {
            ByteBuffer b = buffer.duplicate().order(ByteOrder.BIG_ENDIAN);
            if (b.capacity() < HEADER + COUNTS) {
                throw new IOException(what + " is cut short: " + b.capacity() + " bytes");
            }
            if (b.getInt(0) != MAGIC) {
                throw new IOException(what + " is not a genre matrix file");
            }
            if (b.getInt(4) != FORMAT_VERSION) {
                throw new IOException(what + " is a genre matrix of format " + b.getInt(4) + ", not " + FORMAT_VERSION);
            }
            b.order(ORDER);
            if (b.getLong(8) != b.capacity()) {
                throw new IOException(what + " is cut short or has extra bytes: " + b.capacity() + " bytes, its header says " + b.getLong(8));
            }
            if (verify && checksum(b) != b.getInt(16)) {
                throw new IOException(what + " is damaged: its checksum does not match its content");
            }
            n = b.getInt(HEADER);
            int genres = b.getInt(HEADER + 4);
            words = b.getInt(HEADER + 8);
            if (n < 0 || genres < 0 || words != words(genres) || b.getInt(HEADER + 12) != Section.values().length) {
                throw new IOException(what + " is damaged: " + n + " items, " + genres + " genres, " + words + " words");
            }
            ByteBuffer[] s = new ByteBuffer[Section.values().length];
            long end = HEADER + COUNTS + 16L * s.length;
            for (Section sec : Section.values()) {
                long offset = b.getLong(HEADER + COUNTS + 16 * sec.ordinal());
                long length = b.getLong(HEADER + COUNTS + 16 * sec.ordinal() + 8);
                long expected = expectedLength(sec, n, words);
                if (offset < end || offset % 8 != 0 || length < 0 || offset + length > b.capacity() || expected >= 0 && length != expected) {
                    throw new IOException(what + " is damaged: section " + sec + " at " + offset + " (" + length + " bytes) does not fit");
                }
                s[sec.ordinal()] = b.slice((int) offset, (int) length).order(ORDER);
                end = offset + length;
            }
            ByteBuffer meta = s[Section.META.ordinal()];
            contentHash = readString(meta);
            source = readString(meta);
            List<String> vocab = new ArrayList<>(genres);
            if (meta.getInt() != genres) {
                throw new IOException(what + " is damaged: the vocabulary does not have " + genres + " genres");
            }
            for (int g = 0; g < genres; g++) {
                vocab.add(readString(meta));
            }
            vocabulary = List.copyOf(vocab);
            int typeCount = meta.getInt();
            if (typeCount < 0 || typeCount > meta.remaining() / 4) {
                throw new IOException(what + " is damaged: " + typeCount + " item types");
            }
            typeNames = new String[typeCount];
            typeIsEpisode = new boolean[typeNames.length];
            for (int t = 0; t < typeNames.length; t++) {
                typeNames[t] = readString(meta);
                typeIsEpisode[t] = "Episode".equalsIgnoreCase(typeNames[t]);
            }
            bits = s[Section.BITS.ordinal()].asLongBuffer();
            genreCounts = s[Section.GENRE_COUNTS.ordinal()].asIntBuffer();
            types = s[Section.TYPES.ordinal()].asIntBuffer();
            titles = s[Section.TITLES.ordinal()].asIntBuffer();
            seasons = s[Section.SEASONS.ordinal()].asIntBuffer();
            episodes = s[Section.EPISODES.ordinal()].asIntBuffer();
            years = s[Section.YEARS.ordinal()].asIntBuffer();
            tieRank = s[Section.TIE_RANK.ordinal()].asIntBuffer();
            idIndex = s[Section.ID_INDEX.ordinal()].asLongBuffer();
            nameIndex = s[Section.NAME_INDEX.ordinal()].asLongBuffer();
            stringOffsets = s[Section.STRING_OFFSETS.ordinal()].asIntBuffer();
            strings = s[Section.STRINGS.ordinal()];
            if (stringOffsets.get(0) != 0 || stringOffsets.get(2 * n) != strings.capacity()) {
                throw new IOException(what + " is damaged: the string offsets do not match the strings");
            }
        } catch (IndexOutOfBoundsException | BufferUnderflowException | IllegalArgumentException e) {
            throw new IOException(what + " is damaged: " + e, e);
        }
    }

    private static int words(int genres) {
        return Math.max(1, (genres + 63) / 64);
    }

    /** The length a fixed-width section must have, or -1 for the variable ones. */
    private static long expectedLength(Section s, int n, int words) {
        return switch (s) {
            case META, STRINGS -> -1;
            case BITS -> 8L * n * words;
            case ID_INDEX, NAME_INDEX -> 8L * n;
            case STRING_OFFSETS -> 4L * (2L * n + 1);
            default -> 4L * n;
        };
    }

    private static int checksum(ByteBuffer b) {
        CRC32C crc = new CRC32C();
        crc.update(b.duplicate().position(HEADER));
        return (int) crc.getValue();
    }

    private static String readString(ByteBuffer b) {
        int length = b.getInt();
        if (length < 0 || length > b.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] bytes = new byte[length];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
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
        Map<String, Integer> rowOfId = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            GenreSource.Row r = rows.get(i);
            if ("Series".equalsIgnoreCase(r.itemType())) {
                series.put(r.itemId(), r);
            }
            rowOfId.put(r.itemId(), i);
        }
        int n = rows.size();
        int words = words(vocabulary.size());
        long[] bits = new long[n * words];
        int[] genreCounts = new int[n];
        List<String> typeNames = new ArrayList<>();
        Map<String, Integer> typeIndex = new HashMap<>();
        int[] types = new int[n];
        int[] titles = new int[n];
        int[] seasons = new int[n];
        int[] episodes = new int[n];
        int[] years = new int[n];
        String[] ids = new String[n];
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            GenreSource.Row r = rows.get(i);
            ids[i] = r.itemId();
            names[i] = r.name() == null ? r.itemId() : r.name();
            String type = r.itemType() == null ? "" : r.itemType();
            types[i] = typeIndex.computeIfAbsent(type, t -> {
                typeNames.add(t);
                return typeNames.size() - 1;
            });
            boolean episode = "Episode".equalsIgnoreCase(type);
            // The title an item counts as: an episode's series when the library has an item with the series id.
            titles[i] = episode && r.seriesId() != null && rowOfId.containsKey(r.seriesId()) ? rowOfId.get(r.seriesId()) : i;
            seasons[i] = r.season() == null ? -1 : r.season();
            episodes[i] = r.episode() == null ? -1 : r.episode();
            years[i] = r.year() == null ? -1 : r.year();
            GenreSource.Row vectorRow = "Episode".equalsIgnoreCase(r.itemType()) && r.seriesId() != null && series.containsKey(r.seriesId())
                    ? series.get(r.seriesId()) : r;
            for (String g : vectorRow.genres()) {
                int c = col.get(g);
                bits[i * words + c / 64] |= 1L << (c % 64);
            }
            for (int w = 0; w < words; w++) {
                genreCounts[i] += Long.bitCount(bits[i * words + w]);
            }
        }
        // Ties in similar/recommend are broken by name, then id: each row's place in that order, so a query compares ints.
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing((Integer r) -> names[r]).thenComparing(r -> ids[r]));
        int[] tieRank = new int[n];
        for (int p = 0; p < n; p++) {
            tieRank[order[p]] = p;
        }
        long[] idIndex = new long[n];
        long[] nameIndex = new long[n];
        for (int i = 0; i < n; i++) {
            idIndex[i] = indexEntry(ids[i].hashCode(), i);
            nameIndex[i] = indexEntry(foldCase(names[i]).hashCode(), i);
        }
        Arrays.sort(idIndex);
        Arrays.sort(nameIndex);
        byte[][] encoded = new byte[2 * n][];
        int[] offsets = new int[2 * n + 1];
        long total = 0;
        for (int i = 0; i < n; i++) {
            encoded[2 * i] = ids[i].getBytes(StandardCharsets.UTF_8);
            encoded[2 * i + 1] = names[i].getBytes(StandardCharsets.UTF_8);
        }
        for (int k = 0; k < encoded.length; k++) {
            total += encoded[k].length;
            if (total > Integer.MAX_VALUE / 2) {
                throw new IllegalArgumentException("the library's ids and names are too large for one genre matrix file");
            }
            offsets[k + 1] = (int) total;
        }

        ByteBuffer meta = ByteBuffer.allocate(metaLength(contentHash, source, vocabulary, typeNames)).order(ORDER);
        writeString(meta, contentHash);
        writeString(meta, source);
        meta.putInt(vocabulary.size());
        vocabulary.forEach(g -> writeString(meta, g));
        meta.putInt(typeNames.size());
        typeNames.forEach(t -> writeString(meta, t));

        Section[] sections = Section.values();
        long[] lengths = new long[sections.length];
        for (Section s : sections) {
            lengths[s.ordinal()] = s == Section.META ? meta.capacity() : s == Section.STRINGS ? total : expectedLength(s, n, words);
        }
        long[] offsetsOfSections = new long[sections.length];
        long at = HEADER + COUNTS + 16L * sections.length;
        for (Section s : sections) {
            at = (at + 7) & ~7L;
            offsetsOfSections[s.ordinal()] = at;
            at += lengths[s.ordinal()];
        }
        long length = (at + 7) & ~7L;
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a genre matrix of " + n + " items does not fit in one file");
        }
        ByteBuffer b = ByteBuffer.allocate((int) length).order(ORDER);
        b.putInt(HEADER, n).putInt(HEADER + 4, vocabulary.size()).putInt(HEADER + 8, words).putInt(HEADER + 12, sections.length);
        for (Section s : sections) {
            b.putLong(HEADER + COUNTS + 16 * s.ordinal(), offsetsOfSections[s.ordinal()]);
            b.putLong(HEADER + COUNTS + 16 * s.ordinal() + 8, lengths[s.ordinal()]);
        }
        b.put((int) offsetsOfSections[Section.META.ordinal()], meta.array());
        section(b, offsetsOfSections, Section.BITS).asLongBuffer().put(bits);
        section(b, offsetsOfSections, Section.GENRE_COUNTS).asIntBuffer().put(genreCounts);
        section(b, offsetsOfSections, Section.TYPES).asIntBuffer().put(types);
        section(b, offsetsOfSections, Section.TITLES).asIntBuffer().put(titles);
        section(b, offsetsOfSections, Section.SEASONS).asIntBuffer().put(seasons);
        section(b, offsetsOfSections, Section.EPISODES).asIntBuffer().put(episodes);
        section(b, offsetsOfSections, Section.YEARS).asIntBuffer().put(years);
        section(b, offsetsOfSections, Section.TIE_RANK).asIntBuffer().put(tieRank);
        section(b, offsetsOfSections, Section.ID_INDEX).asLongBuffer().put(idIndex);
        section(b, offsetsOfSections, Section.NAME_INDEX).asLongBuffer().put(nameIndex);
        section(b, offsetsOfSections, Section.STRING_OFFSETS).asIntBuffer().put(offsets);
        ByteBuffer blob = section(b, offsetsOfSections, Section.STRINGS);
        for (byte[] e : encoded) {
            blob.put(e);
        }
        ByteBuffer header = b.duplicate().order(ByteOrder.BIG_ENDIAN);
        header.putInt(0, MAGIC).putInt(4, FORMAT_VERSION);
        b.putLong(8, length);
        b.putInt(16, checksum(b));
        try {
            return new GenreMatrix(b, "the genre matrix just built", false);
        } catch (IOException e) {
            throw new IllegalStateException("the genre matrix just built does not read back: " + e.getMessage(), e);
        }
    }

    private static ByteBuffer section(ByteBuffer b, long[] offsets, Section s) {
        return b.slice((int) offsets[s.ordinal()], b.capacity() - (int) offsets[s.ordinal()]).order(ORDER);
    }

    private static int metaLength(String hash, String source, List<String> vocabulary, List<String> types) {
        int len = 8 + utf8Length(hash) + utf8Length(source);
        for (String s : vocabulary) {
            len += utf8Length(s);
        }
        for (String s : types) {
            len += utf8Length(s);
        }
        return len;
    }

    private static int utf8Length(String s) {
        return 4 + s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void writeString(ByteBuffer b, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        b.putInt(bytes.length).put(bytes);
    }

    /** An index entry: the key's hash in the high half, the row in the low half, so sorting groups equal hashes. */
    private static long indexEntry(int hash, int row) {
        return (long) hash << 32 | row;
    }

    /**
     * A string that is equal for any two names {@link String#equalsIgnoreCase} finds equal: each code point upper- then
     * lower-cased, which is what equalsIgnoreCase compares when the code points differ.
     */
    static String foldCase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return sb.toString();
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
        return n;
    }

    public List<String> vocabulary() {
        return vocabulary;
    }

    public String contentHash() {
        return contentHash;
    }

    public String source() {
        return source;
    }

    /** String {@code k} of the blob, decoded once. */
    private String string(int k) {
        String[] cache = decoded;
        if (cache == null) {
            cache = new String[2 * n];
            decoded = cache;
        }
        String s = cache[k];
        if (s == null) {
            int from = stringOffsets.get(k);
            byte[] bytes = new byte[stringOffsets.get(k + 1) - from];
            strings.get(from, bytes);
            s = new String(bytes, StandardCharsets.UTF_8);
            cache[k] = s;
        }
        return s;
    }

    /** The item id of a row (decoded on first use). */
    public String id(int row) {
        return string(2 * row);
    }

    /** The name of a row (decoded on first use). */
    public String name(int row) {
        return string(2 * row + 1);
    }

    public String type(int row) {
        return typeNames[types.get(row)];
    }

    public int year(int row) {
        return years.get(row);
    }

    public boolean isEpisode(int row) {
        return typeIsEpisode[types.get(row)];
    }

    /** The row of an item id (the last one, should two rows share it), or -1. */
    public int row(String itemId) {
        int found = -1;
        int h = itemId.hashCode();
        for (int i = firstEntry(idIndex, h); i < n && (int) (idIndex.get(i) >> 32) == h; i++) {
            int r = (int) idIndex.get(i);
            if (r > found && id(r).equals(itemId)) {
                found = r;
            }
        }
        return found;
    }

    /** The rows whose name equals {@code name}, case ignored, in row order. */
    public List<Integer> rowsNamed(String name) {
        List<Integer> out = new ArrayList<>();
        int h = foldCase(name).hashCode();
        for (int i = firstEntry(nameIndex, h); i < n && (int) (nameIndex.get(i) >> 32) == h; i++) {
            int r = (int) nameIndex.get(i);
            if (name(r).equalsIgnoreCase(name)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The first index position whose hash is {@code h} (or where it would be). */
    private int firstEntry(LongBuffer index, int h) {
        long key = (long) h << 32;
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (index.get(mid) < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The title a row counts as: an episode's series (when in the library), else the row itself. */
    public int title(int row) {
        return titles.get(row);
    }

    /** The row's place among all rows ordered by name, then id: the tie-break of similar and recommend. */
    int tieRank(int row) {
        return tieRank.get(row);
    }

    /** How many genres the row has. */
    int genreCount(int row) {
        return genreCounts.get(row);
    }

    /** Word {@code w} of the row's genre bits (genre {@code g} is bit {@code g % 64} of word {@code g / 64}). */
    long word(int row, int w) {
        return bits.get(row * words + w);
    }

    public boolean has(int row, int genre) {
        return (bits.get(row * words + genre / 64) & (1L << (genre % 64))) != 0;
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
        int ca = genreCounts.get(a);
        int cb = genreCounts.get(b);
        if (ca == 0 || cb == 0) {
            return 0;
        }
        int both = 0;
        for (int w = 0; w < words; w++) {
            both += Long.bitCount(bits.get(a * words + w) & bits.get(b * words + w));
        }
        return both / Math.sqrt((double) ca * cb);
    }

    /** Writes the matrix (its bytes as they are) to a temporary file and moves it into place. */
    public void save(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = buffer.duplicate().clear();
            while (b.hasRemaining()) {
                out.write(b);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Maps a saved matrix and checks it (version, length, checksum, sections); the rows are read from the mapping as
     * queries need them. An older format, a damaged or cut-short file is an IOException.
     */
    public static GenreMatrix load(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                throw new IOException(file + " is too large (" + size + " bytes) to be a genre matrix");
            }
            return new GenreMatrix(ch.map(FileChannel.MapMode.READ_ONLY, 0, size), file.toString(), true);
        }
    }

    public int season(int row) {
        return seasons.get(row);
    }

    public int episode(int row) {
        return episodes.get(row);
    }
}
