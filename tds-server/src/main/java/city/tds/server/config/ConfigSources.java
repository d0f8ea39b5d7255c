package city.tds.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Collects raw values from the config file, the environment and the command line, later sources winning. */
public final class ConfigSources {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<ConfigKey, ConfigValue> values = new LinkedHashMap<>();

    /** Reads a YAML file. Unknown keys and nested lists are errors naming the key. */
    public ConfigSources file(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException("配置文件不存在 / config file not found: " + file);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigException("配置文件格式错误 / malformed YAML in " + file + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new ConfigException("无法读取配置文件 / cannot read config file " + file + ": " + e.getMessage());
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return this;
        }
        if (!root.isObject()) {
            throw new ConfigException("配置文件格式错误 / " + file + " must be a YAML mapping of keys to values");
        }
        flatten("", root, file.getFileName().toString());
        return this;
    }

    /** Reads {@code TDS_...} environment variables. Other variables are ignored. */
    public ConfigSources environment(Map<String, String> environment) {
        for (ConfigKey key : ConfigKey.values()) {
            String value = environment.get(key.envName());
            if (value != null && !value.isEmpty()) {
                put(key, List.of(value), "environment variable " + key.envName());
            }
        }
        return this;
    }

    /** Reads command-line values, each named by its flag in messages. */
    public ConfigSources commandLine(ConfigKey key, String value, String flag) {
        if (value != null) {
            put(key, List.of(value), flag);
        }
        return this;
    }

    /** Reads {@code --set key=value} pairs. */
    public ConfigSources assignments(List<String> assignments) {
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("--set 参数格式错误 / --set expects key=value, got '" + assignment + "'");
            }
            String name = assignment.substring(0, eq).trim();
            ConfigKey key = ConfigKey.byKey(name).orElseThrow(() -> unknownKey(name, "--set"));
            put(key, List.of(assignment.substring(eq + 1)), "--set " + name);
        }
        return this;
    }

    Optional<ConfigValue> get(ConfigKey key) {
        return Optional.ofNullable(values.get(key));
    }

    private void flatten(String prefix, JsonNode node, String source) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(name + ".", value, source);
                continue;
            }
            ConfigKey key = ConfigKey.byKey(name).orElseThrow(() -> unknownKey(name, source));
            if (value.isNull()) {
                continue;
            }
            List<String> items = new ArrayList<>();
            if (value.isArray()) {
                for (JsonNode item : value) {
                    if (!item.isValueNode()) {
                        throw new ConfigException(
                                "配置项格式错误 / " + name + " in " + source + ": list items must be plain values");
                    }
                    items.add(item.asText());
                }
            } else {
                items.add(value.asText());
            }
            put(key, items, source);
        }
    }

    private void put(ConfigKey key, List<String> items, String source) {
        values.put(key, new ConfigValue(items, source));
    }

    private static ConfigException unknownKey(String name, String source) {
        StringBuilder known = new StringBuilder();
        for (ConfigKey key : ConfigKey.values()) {
            known.append(known.length() == 0 ? "" : ", ").append(key.key());
        }
        return new ConfigException(
                "未知配置项 / unknown configuration key '" + name + "' in " + source + " (known keys: " + known + ")");
    }
}
