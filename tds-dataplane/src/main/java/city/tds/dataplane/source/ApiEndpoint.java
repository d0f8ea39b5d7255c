package city.tds.dataplane.source;

import java.net.URI;

/**
 * Where an HTTP API source answers, and the provider's credential for it: the header to add to every call (null for
 * none). The credential never leaves the provider's connector; {@link #toString()} leaves it out.
 */
public record ApiEndpoint(URI base, String header, String secret) {

    /** {@code base} with {@code subPath} (raw, already checked) and {@code rawQuery} (null for none) appended. */
    public URI resolve(String subPath, String rawQuery) {
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        String joined = subPath.isEmpty() ? path : (path.endsWith("/") ? path : path + "/") + subPath;
        String text = base.getScheme() + "://" + base.getRawAuthority() + joined
                + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
        return URI.create(text);
    }

    @Override
    public String toString() {
        return "ApiEndpoint[" + base + (header == null ? "" : ", " + header + ": (sealed)") + "]";
    }
}
