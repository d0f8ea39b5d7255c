package city.tds.server.http;

import city.tds.core.Problem;
import city.tds.core.ProblemException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.util.stream.Collectors;

/** Reads a JSON request body into a type, turning every kind of bad JSON into a 400 problem that says what is wrong. */
public final class JsonBody {

    private final ObjectMapper mapper;

    public JsonBody(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The mapper responses are written with. */
    public ObjectMapper mapper() {
        return mapper;
    }

    public <T> T read(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType == null
                || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ProblemException(Problem.invalidInput(
                    "unsupported-media-type", "send the body as application/json (got " + contentType + ")"));
        }
        String body = ctx.body();
        if (body.isBlank()) {
            throw new ProblemException(Problem.invalidInput("missing-body", "the request needs a JSON body"));
        }
        try {
            return mapper.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw malformed("unknown-field", "unknown field '" + e.getPropertyName() + "'" + at(e));
        } catch (InvalidFormatException e) {
            throw malformed("invalid-field", "field '" + path(e) + "' has an invalid value" + at(e));
        } catch (MismatchedInputException e) {
            String path = path(e);
            String what = path.isEmpty()
                    ? "the body does not have the expected shape"
                    : "field '" + path + "' is missing or has the wrong type";
            throw malformed("invalid-field", what + at(e));
        } catch (JsonProcessingException e) {
            throw malformed("malformed-json", "the body is not valid JSON" + at(e) + ": " + e.getOriginalMessage());
        }
    }

    private static ProblemException malformed(String code, String detail) {
        return new ProblemException(Problem.invalidInput(code, detail));
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String at(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
