package city.tds.dataplane.api;

import city.tds.core.Problem;
import city.tds.core.Result;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a call may ask of the provider's API: GET or POST, a purpose, and a sub-path that stays below the API's base
 * URL (no {@code .} or {@code ..} segment, encoded or with path parameters such as {@code ..;x}, no encoded slash or
 * backslash), in characters a URL may carry as they are.
 */
final class ApiPaths {

    private static final Set<String> METHODS = Set.of("GET", "POST");
    private static final Pattern RAW_PATH = Pattern.compile("[A-Za-z0-9\\-._~!$&'()*+,;=:@%/]*");
    private static final Pattern RAW_QUERY = Pattern.compile("[A-Za-z0-9\\-._~!$&'()*+,;=:@%/?]*");
    private static final int MAX = 4000;

    private ApiPaths() {}

    static Result<ApiCall> check(ApiCall call) {
        if (!METHODS.contains(call.method())) {
            return invalid("api-method-unsupported", "an API call is a GET or a POST; got " + call.method());
        }
        if (call.purpose() == null || call.purpose().isBlank() || call.purpose().length() > 200) {
            return invalid(
                    "purpose-missing",
                    "an API call states its purpose in the TDS-Purpose header, e.g. tds:purpose/credit-risk");
        }
        String path = call.subPath();
        if (path.length() > MAX || !RAW_PATH.matcher(path).matches() || path.startsWith("/") || path.contains("//")) {
            return invalid("api-path-invalid", "the call's path is not one the API can be asked for: " + path);
        }
        for (String segment : path.split("/", -1)) {
            String decoded;
            try {
                decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return invalid("api-path-invalid", "the call's path has a broken percent-encoding: " + path);
            }
            String bare = decoded.contains(";") ? decoded.substring(0, decoded.indexOf(';')) : decoded;
            if (bare.equals(".")
                    || bare.equals("..")
                    || decoded.contains("/")
                    || decoded.contains("\\")
                    || decoded.chars().anyMatch(c -> c < 0x20)) {
                return invalid("api-path-invalid", "the call's path must stay below the API's base: " + path);
            }
        }
        String query = call.rawQuery();
        if (query != null && (query.length() > MAX || !RAW_QUERY.matcher(query).matches())) {
            return invalid("api-query-invalid", "the call's query is not one the API can be asked for");
        }
        return Result.ok(call);
    }

    private static <T> Result<T> invalid(String code, String detail) {
        return Result.fail(Problem.invalidInput(code, detail));
    }
}
