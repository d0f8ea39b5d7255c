package city.tds.server.http;

import city.tds.core.Problem;
import city.tds.core.ProblemException;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.core.identity.Principal;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's HTTP server: Javalin on Jetty with the project's JSON mapping, problem+json errors for everything that goes
 * wrong (unknown routes, malformed bodies, oversized requests, unexpected failures, never a stack trace), and a request
 * timer per route.
 */
public final class HttpApi implements AutoCloseable {

    /** Jetty's response buffer; see where it is set. */
    private static final int OUTPUT_BUFFER_BYTES = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final AtomicBoolean WARMED_UP = new AtomicBoolean();

    private final Javalin app;
    private final List<RouteInfo> routes;

    private HttpApi(Javalin app, List<RouteInfo> routes) {
        this.app = app;
        this.routes = routes;
    }

    /**
     * Once per JVM, starts and stops a server without routes on a free loopback port, so that the first real start
     * finds Jetty's and Javalin's code initialised and partly compiled (about 0.3 s of a node's start-up here when run
     * beside the database start-up). Failures are ignored: the real start reports its own.
     */
    public static void warmUpOnce() {
        if (!WARMED_UP.compareAndSet(false, true)) {
            return;
        }
        try {
            start(
                            "warm-up",
                            "127.0.0.1",
                            0,
                            1024,
                            new ObjectMapper(),
                            new SimpleMeterRegistry(),
                            Authenticator.NONE,
                            List.of())
                    .close();
        } catch (RuntimeException e) {
            LOG.debug("HTTP warm-up failed", e);
        }
    }

    /**
     * Starts listening.
     *
     * @throws PortInUseException if the port is taken
     */
    public static HttpApi start(
            String nodeName,
            String host,
            int port,
            long maxRequestBytes,
            ObjectMapper mapper,
            MeterRegistry metrics,
            Authenticator authenticator,
            List<ApiRoutes> groups) {
        List<RouteInfo> routes = new ArrayList<>();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = host;
            config.jetty.port = port;
            QueuedThreadPool threads = new QueuedThreadPool(64, 4);
            threads.setName("tds-" + nodeName + "-http");
            config.jetty.threadPool = threads;
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(2_000);
                server.setErrorHandler(new ProblemErrorHandler());
            });
            // Jetty's default 32 KiB response buffer holds a streamed body to about 110 MB/s here; 1 MiB (pooled,
            // off-heap, taken only by a response that writes that much) lets a pull stream at 640-850 MB/s
            config.jetty.modifyHttpConfiguration(http -> {
                http.setOutputBufferSize(OUTPUT_BUFFER_BYTES);
                http.setOutputAggregationSize(OUTPUT_BUFFER_BYTES / 4);
            });
            config.http.maxRequestSize = maxRequestBytes;
            config.http.defaultContentType = "application/json";
            config.router.ignoreTrailingSlashes = true;
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.events.handlerAdded(meta -> {
                if (meta.getHttpMethod().isHttpMethod() && meta.getHttpMethod() != HandlerType.HEAD) {
                    List<Access> declared = meta.getRoles().stream()
                            .filter(Access.class::isInstance)
                            .map(Access.class::cast)
                            .toList();
                    if (declared.size() != 1 || meta.getRoles().size() != 1) {
                        throw new IllegalStateException(meta.getHttpMethod() + " " + meta.getPath()
                                + " must declare exactly one Access (who may call it)");
                    }
                    // a path parameter that spans segments (Javalin's <path>) is written {path}, as the OpenAPI
                    // document has it
                    routes.add(new RouteInfo(
                            meta.getHttpMethod().name(),
                            meta.getPath().replaceAll("<([A-Za-z]+)>", "{$1}"),
                            declared.get(0)));
                }
            });
            config.requestLogger.http((ctx, ms) -> record(metrics, ctx, ms));
            mapErrors(config.routes);
            config.routes.beforeMatched(ctx -> checkAccess(ctx, authenticator));
            for (ApiRoutes group : groups) {
                group.addTo(config.routes);
            }
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            app.stop();
            if (isBindFailure(e)) {
                throw new PortInUseException(host, port, e);
            }
            throw e;
        }
        return new HttpApi(app, List.copyOf(routes));
    }

    public int port() {
        return app.port();
    }

    /** The routes actually registered with the server, in registration order. */
    public List<RouteInfo> routes() {
        return routes;
    }

    @Override
    public void close() {
        app.stop();
    }

    private static void mapErrors(io.javalin.config.RoutesConfig routes) {
        routes.exception(ProblemException.class, (e, ctx) -> ProblemResponse.write(ctx, e.problem()));
        routes.exception(
                HttpResponseException.class,
                (e, ctx) -> ProblemResponse.write(
                        ctx, e.getStatus(), codeFor(e.getStatus()), e.getMessage() == null ? "" : e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            String errorId = UUID.randomUUID().toString();
            LOG.error("unexpected failure on {} {} (error id {})", ctx.method(), ctx.path(), errorId, e);
            ProblemResponse.write(ctx, 500, "internal-error", "an unexpected error occurred; error id " + errorId);
        });
        routes.error(404, ctx -> {
            if (!isProblem(ctx)) {
                ProblemResponse.write(ctx, 404, "not-found", "no resource at " + ctx.method() + " " + ctx.path());
            }
        });
        routes.error(405, ctx -> {
            if (!isProblem(ctx)) {
                ProblemResponse.write(
                        ctx, 405, "method-not-allowed", ctx.method() + " is not allowed on " + ctx.path());
            }
        });
    }

    /** The access check in front of every route: who the caller is (from its bearer token) and whether it may. */
    private static void checkAccess(Context ctx, Authenticator authenticator) {
        Access access = ctx.routeRoles().stream()
                .filter(Access.class::isInstance)
                .map(Access.class::cast)
                .findFirst()
                .orElse(null);
        if (access == null) {
            return; // no endpoint matched: the 404/405 handlers answer
        }
        String header = ctx.header("Authorization");
        Optional<Principal> caller = Optional.empty();
        if (header != null && !header.isBlank()) {
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() < 8) {
                throw new ProblemException(new Problem(
                        ProblemKind.UNAUTHENTICATED,
                        "malformed-token",
                        "the Authorization header must be 'Bearer <token>'"));
            }
            Result<Principal> authenticated =
                    authenticator.authenticate(header.substring(7).trim());
            if (authenticated.isOk()) {
                caller = Optional.of(authenticated.value());
                ctx.attribute(Callers.ATTRIBUTE, authenticated.value());
            } else if (!access.isPublic()) {
                throw new ProblemException(authenticated.problem());
            }
        }
        if (access.isPublic()) {
            return;
        }
        if (caller.isEmpty()) {
            throw new ProblemException(new Problem(
                    ProblemKind.UNAUTHENTICATED,
                    "authentication-required",
                    ctx.method() + " " + ctx.path() + " needs an access token (Authorization: Bearer ...)"));
        }
        if (!access.allows(caller)) {
            throw new ProblemException(new Problem(
                    ProblemKind.FORBIDDEN,
                    "forbidden",
                    ctx.method() + " " + ctx.path() + " needs one of the roles " + access + "; the caller has "
                            + caller.get().roles()));
        }
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(ProblemResponse.CONTENT_TYPE);
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "payload-too-large";
            default -> "http-" + status;
        };
    }

    private static void record(MeterRegistry metrics, Context ctx, float ms) {
        String route;
        try {
            var endpoint = ctx.endpoints().lastHttpEndpoint();
            route = endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException none) {
            route = "unmatched";
        }
        Timer.builder("http.server.requests")
                .description("HTTP requests served")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(metrics)
                .record((long) (ms * 1_000_000), TimeUnit.NANOSECONDS);
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || t.getClass().getSimpleName().equals("JavalinBindException")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The port is already taken by another process. */
    public static final class PortInUseException extends RuntimeException {
        public PortInUseException(String host, int port, Throwable cause) {
            super("端口已被占用 / port " + port + " on " + host + " is already in use", cause);
        }
    }
}
