package city.tds.dataplane.api;

import java.util.Objects;

/**
 * One call of a consumer's app through the provider's proxy.
 *
 * @param method {@code GET} or {@code POST}
 * @param subPath the raw (still percent-encoded) path below the transfer's proxy endpoint, without a leading slash;
 *     empty for the API's base
 * @param rawQuery the raw query string, or null for none
 * @param purpose the purpose the call is made for ({@code TDS-Purpose})
 * @param contentType the body's media type, or null
 * @param accept the media types the app accepts, or null
 * @param body the request body (empty for a GET)
 */
public record ApiCall(
        String method,
        String subPath,
        String rawQuery,
        String purpose,
        String contentType,
        String accept,
        byte[] body) {

    public ApiCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(subPath, "subPath");
        body = body == null ? new byte[0] : body;
    }
}
