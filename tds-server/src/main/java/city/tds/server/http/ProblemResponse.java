package city.tds.server.http;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes RFC 9457 {@code application/problem+json} bodies. The {@code type} is {@code urn:tds:problem:<code>}, stable
 * across versions, so that clients can branch on it; {@code title} is bilingual; {@code detail} says what exactly was
 * wrong.
 */
public final class ProblemResponse {

    public static final String CONTENT_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:tds:problem:";

    private ProblemResponse() {}

    public static int status(ProblemKind kind) {
        return kind.httpStatus();
    }

    public static void write(Context ctx, Problem problem) {
        write(ctx, status(problem.kind()), problem.code(), problem.detail());
    }

    public static void write(Context ctx, int status, String code, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + code);
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", ctx.path());
        ctx.status(status);
        ctx.json(body);
        ctx.contentType(CONTENT_TYPE);
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "请求无效 / Bad request";
            case 401 -> "未认证 / Unauthenticated";
            case 403 -> "无权操作 / Forbidden";
            case 404 -> "未找到 / Not found";
            case 405 -> "方法不允许 / Method not allowed";
            case 409 -> "状态冲突 / Conflict";
            case 413 -> "请求体过大 / Payload too large";
            case 415 -> "媒体类型不支持 / Unsupported media type";
            case 502 -> "上游服务失败 / Bad gateway";
            case 503 -> "服务不可用 / Service unavailable";
            default -> status >= 500 ? "服务器内部错误 / Internal error" : "请求失败 / Request failed";
        };
    }
}
