package city.tds.core.health;

/** One component's contribution to the node's {@code /health}. */
public interface HealthCheck {

    /** A short stable name such as {@code database}. */
    String name();

    /** Checks the component now. Must return quickly and never throw. */
    HealthStatus check();
}
