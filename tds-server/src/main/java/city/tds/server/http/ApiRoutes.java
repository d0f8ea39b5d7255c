package city.tds.server.http;

import io.javalin.config.RoutesConfig;

/** A group of HTTP routes a module contributes to a node's server. */
public interface ApiRoutes {

    void addTo(RoutesConfig routes);
}
