package city.tds.server.http;

import city.tds.core.health.HealthCheck;
import city.tds.core.health.HealthStatus;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /health}: 200 when every component is up, 503 otherwise, with each component's status. */
public final class HealthRoutes implements ApiRoutes {

    private final String nodeName;
    private final List<HealthCheck> checks;

    public HealthRoutes(String nodeName, List<HealthCheck> checks) {
        this.nodeName = nodeName;
        this.checks = List.copyOf(checks);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(
                "/health",
                ctx -> {
                    Map<String, Object> components = new LinkedHashMap<>();
                    boolean allUp = true;
                    for (HealthCheck check : checks) {
                        HealthStatus status = safely(check);
                        allUp &= status.up();
                        Map<String, Object> component = new LinkedHashMap<>();
                        component.put("status", status.up() ? "UP" : "DOWN");
                        component.put("details", status.details());
                        components.put(check.name(), component);
                    }
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("status", allUp ? "UP" : "DOWN");
                    body.put("node", nodeName);
                    body.put("components", components);
                    ctx.status(allUp ? 200 : 503).json(body);
                },
                Access.PUBLIC);
    }

    private static HealthStatus safely(HealthCheck check) {
        try {
            return check.check();
        } catch (RuntimeException e) {
            return HealthStatus.down(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
