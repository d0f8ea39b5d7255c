package city.tds.server.node;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, from {@code tds-version.properties} written by the build. */
public final class TdsVersion {

    private static final String VERSION = load();

    private TdsVersion() {}

    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = TdsVersion.class.getResourceAsStream("/tds-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
