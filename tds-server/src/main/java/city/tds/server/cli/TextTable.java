package city.tds.server.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A table for the terminal, its columns padded by display width: a Chinese character takes two cells, so columns of
 * Chinese and Latin text line up.
 */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    TextTable(String... header) {
        this.columns = header.length;
        rows.add(header);
    }

    void add(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException(cells.length + " cells for " + columns + " columns");
        }
        rows.add(cells);
    }

    void print(PrintWriter out) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = rows.get(r)[i] == null ? "" : rows.get(r)[i];
                line.append(cell);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - width(cell) + 2));
                }
            }
            out.println(line.toString().stripTrailing());
            if (r == 0) {
                StringBuilder rule = new StringBuilder();
                for (int i = 0; i < columns; i++) {
                    rule.append("-".repeat(widths[i])).append(i < columns - 1 ? "  " : "");
                }
                out.println(rule);
            }
        }
    }

    /** Terminal cells {@code text} takes: two for East Asian wide characters, one for others. */
    static int width(String text) {
        if (text == null) {
            return 0;
        }
        int cells = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            cells += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return cells;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
