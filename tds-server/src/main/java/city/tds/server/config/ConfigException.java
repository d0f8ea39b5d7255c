package city.tds.server.config;

/**
 * A configuration value is missing or malformed. The message names the key, where the value came from and what was
 * expected, in one line.
 */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
