package io.mediahub.common;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * The genre id rule shared by the library sync and the TMDb genre sync.
 *
 * <ul>
 *   <li>A genre whose normalised name equals a TMDb genre's normalised name gets that TMDb id (positive).</li>
 *   <li>Any other genre gets a stable id derived from its normalised name: {@code -(1 + (crc32(name) & 0x7FFFFFFF))}.
 *   It is always negative, so it can never collide with a TMDb id (TMDb ids are positive), and the same name
 *   always gets the same id on every machine and in every run.</li>
 * </ul>
 * Normalised name: Unicode NFKC, trimmed, runs of white space collapsed to one space, lower-cased (root locale).
 */
public final class GenreIds {
    private GenreIds() {
    }

    public static String normalise(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC).trim().replaceAll("\\s+", " ");
        return n.toLowerCase(Locale.ROOT);
    }

    public static long stableId(String name) {
        CRC32 crc = new CRC32();
        crc.update(normalise(name).getBytes(StandardCharsets.UTF_8));
        return -(1 + (crc.getValue() & 0x7FFFFFFFL));
    }

    public static boolean isTmdbId(long id) {
        return id > 0;
    }
}
