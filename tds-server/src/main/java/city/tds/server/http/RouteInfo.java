package city.tds.server.http;

/**
 * One registered route, as the OpenAPI document must describe it: an upper-case method, a path template, and who may
 * call it.
 */
public record RouteInfo(String method, String path, Access access) {}
