package city.tds.governance.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the dictionaries shipped next to this package: UTF-8 lines, blank lines and {@code #} comments skipped. */
final class DetectResources {

    private DetectResources() {}

    static List<String> lines(String name) {
        try (InputStream in = DetectResources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing detection resource " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lines.add(trimmed);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read detection resource " + name, e);
        }
    }

    /** All characters of the non-comment lines, whitespace dropped. */
    static String chars(String name) {
        StringBuilder all = new StringBuilder();
        for (String line : lines(name)) {
            for (int i = 0; i < line.length(); i++) {
                if (!Character.isWhitespace(line.charAt(i))) {
                    all.append(line.charAt(i));
                }
            }
        }
        return all.toString();
    }
}
