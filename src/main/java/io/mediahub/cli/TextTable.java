package io.mediahub.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table whose columns stay aligned whatever the cells hold: a cell wider than the limit is cut with
 * {@code …}, line breaks and tabs become spaces, and widths count what a terminal shows (a CJK character takes two
 * columns, a combining mark none). The last column is not padded.
 */
final class TextTable {
    private TextTable() {
    }

    static void print(List<String[]> rows, int maxCell, PrintStream out) {
        List<String[]> cells = new ArrayList<>();
        for (String[] r : rows) {
            String[] c = new String[r.length];
            for (int i = 0; i < r.length; i++) {
                String one = r[i] == null ? "" : r[i].replaceAll("[\\r\\n\\t]+", " ");
                c[i] = i == r.length - 1 ? one : cut(one, maxCell);
            }
            cells.add(c);
        }
        int columns = rows.get(0).length;
        int[] w = new int[columns];
        for (String[] c : cells) {
            for (int i = 0; i < c.length; i++) {
                w[i] = Math.max(w[i], width(c[i]));
            }
        }
        for (String[] c : cells) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < c.length; i++) {
                sb.append(c[i]);
                if (i < c.length - 1) {
                    sb.append(" ".repeat(w[i] - width(c[i]) + 2));
                }
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    /** {@code s} cut to at most {@code max} columns, ending in {@code …} when cut; never inside a code point. */
    static String cut(String s, int max) {
        if (width(s) <= max) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = width(cp);
            if (used + cw > max - 1) {
                break;
            }
            sb.appendCodePoint(cp);
            used += cw;
            i += Character.charCount(cp);
        }
        return sb.toString().stripTrailing() + "…";
    }

    static int width(String s) {
        return s.codePoints().map(TextTable::width).sum();
    }

    private static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        boolean wide = cp >= 0x1100 && cp <= 0x115F || cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F || cp >= 0xAC00 && cp <= 0xD7A3
                || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F || cp >= 0xFF00 && cp <= 0xFF60 || cp >= 0xFFE0 && cp <= 0xFFE6
                || cp >= 0x1F300 && cp <= 0x1F64F || cp >= 0x1F900 && cp <= 0x1F9FF || cp >= 0x20000 && cp <= 0x3FFFD;
        return wide ? 2 : 1;
    }
}
