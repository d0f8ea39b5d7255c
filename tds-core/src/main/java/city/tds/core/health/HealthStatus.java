package city.tds.core.health;

import java.util.Map;

/**
 * The state of one component.
 *
 * @param up whether the component works
 * @param details facts an operator can read, e.g. the database product or the free disk space; never secrets
 */
public record HealthStatus(boolean up, Map<String, Object> details) {

    public HealthStatus {
        details = Map.copyOf(details);
    }

    public static HealthStatus up(Map<String, Object> details) {
        return new HealthStatus(true, details);
    }

    public static HealthStatus down(String reason) {
        return new HealthStatus(false, Map.of("reason", reason));
    }
}
