package city.tds.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/operations.md documents every configuration key with its environment variable. */
class ConfigDocumentationTest {

    @Test
    void everyKeyIsInTheOperationsGuide() throws IOException {
        String guide = Files.readString(Path.of("..", "docs", "operations.md"));
        for (ConfigKey key : ConfigKey.values()) {
            assertThat(guide).as(key.key()).contains("| `" + key.key() + "` | `" + key.envName() + "` |");
        }
    }
}
