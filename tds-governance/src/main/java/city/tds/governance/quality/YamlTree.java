package city.tds.governance.quality;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into plain maps, lists and {@link Scalar}s that keep a scalar's text as written, so {@code 01} stays
 * {@code 01} and a set of codes is not turned into numbers.
 */
final class YamlTree {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    /** A scalar as written, with what YAML made of it. */
    record Scalar(String text, JsonToken token) {
        boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }

        boolean isString() {
            return token == JsonToken.VALUE_STRING;
        }

        boolean isNumber() {
            return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        }
    }

    /** Thrown for YAML that cannot be read; its message says where. */
    static final class YamlException extends Exception {
        YamlException(String message) {
            super(message);
        }
    }

    private YamlTree() {}

    /** The document: a {@code Map<String, Object>}, a {@code List<Object>}, a {@link Scalar} or {@code null}. */
    static Object read(String yaml) throws YamlException {
        try (JsonParser parser = FACTORY.createParser(yaml)) {
            JsonToken token = parser.nextToken();
            return token == null ? null : value(parser, token);
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new YamlException(message.lines().findFirst().orElse(message));
        }
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException, YamlException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String key = parser.currentName();
                    Object child = value(parser, parser.nextToken());
                    if (map.containsKey(key)) {
                        throw new YamlException("duplicate key \"" + key + "\" at line "
                                + parser.currentLocation().getLineNr());
                    }
                    map.put(key, child);
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    list.add(value(parser, next));
                }
                return list;
            }
            default -> {
                return new Scalar(parser.getText(), token);
            }
        }
    }
}
