package city.tds.server.node;

import city.tds.core.health.HealthCheck;
import city.tds.core.health.HealthStatus;
import java.util.Map;

/** Reports the data directory and its free space; down when less than {@link #MIN_FREE_BYTES} is left. */
final class DataDirectoryHealthCheck implements HealthCheck {

    static final long MIN_FREE_BYTES = 64L * 1024 * 1024;

    private final DataDirectory dataDirectory;

    DataDirectoryHealthCheck(DataDirectory dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    @Override
    public String name() {
        return "dataDirectory";
    }

    @Override
    public HealthStatus check() {
        long free = dataDirectory.usableBytes();
        if (free < MIN_FREE_BYTES) {
            return HealthStatus.down("only " + free + " bytes free in " + dataDirectory.path());
        }
        return HealthStatus.up(Map.of("path", dataDirectory.path().toString(), "freeBytes", free));
    }
}
