package city.tds.server.http;

/** One registered route, as the OpenAPI document must describe it: an upper-case method and a path template. */
public record RouteInfo(String method, String path) {}
