package city.tds.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (a malformed request line, an undecodable URI, headers too large), which never reach Javalin,
 * as {@code application/problem+json} too, instead of Jetty's HTML page. Never shows a stack trace.
 */
final class ProblemErrorHandler extends ErrorHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    ProblemErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemResponse.CONTENT_TYPE);
        response.write(
                true, ByteBuffer.wrap(body(code, message, request.getHttpURI().getPath())), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, ProblemResponse.CONTENT_TYPE));
        return ByteBuffer.wrap(body(status, reason, null));
    }

    private static byte[] body(int status, String message, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ProblemResponse.TYPE_PREFIX + (status == 400 ? "bad-request" : "http-" + status));
        body.put("title", ProblemResponse.title(status));
        body.put("status", status);
        body.put("detail", message == null || message.isBlank() ? HttpStatus.getMessage(status) : message);
        if (path != null) {
            body.put("instance", path);
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
