package city.tds.server.config;

import java.util.List;

/**
 * A raw configuration value and where it came from.
 *
 * @param items the value's items: one for a scalar, several for a YAML list or a comma-separated string
 * @param source e.g. {@code tds.yaml}, {@code environment variable TDS_HTTP_PORT} or {@code --port}
 */
record ConfigValue(List<String> items, String source) {

    ConfigValue {
        items = List.copyOf(items);
    }

    String text() {
        return String.join(",", items);
    }
}
