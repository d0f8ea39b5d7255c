package city.tds.server.node;

import city.tds.core.Result;
import city.tds.core.health.HealthCheck;
import city.tds.core.id.TimeOrderedIdGenerator;
import city.tds.core.node.NodeIdentity;
import city.tds.core.node.NodeRole;
import city.tds.crypto.Argon2idParameters;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.CryptoSuites;
import city.tds.crypto.NodeKeyFile;
import city.tds.crypto.SigningKeyPair;
import city.tds.evidence.log.EvidenceLog;
import city.tds.identity.Identity;
import city.tds.identity.IdentitySettings;
import city.tds.identity.JdbiIdentityStore;
import city.tds.server.catalog.CatalogAssembly;
import city.tds.server.catalog.CatalogIndexOpening;
import city.tds.server.catalog.CatalogRoutes;
import city.tds.server.config.TdsConfig;
import city.tds.server.dataplane.DataPlaneAssembly;
import city.tds.server.evidence.EvidenceAssembly;
import city.tds.server.evidence.EvidenceRecordRoutes;
import city.tds.server.http.ApiRoutes;
import city.tds.server.http.Authenticator;
import city.tds.server.http.HealthRoutes;
import city.tds.server.http.HttpApi;
import city.tds.server.http.Json;
import city.tds.server.http.JsonBody;
import city.tds.server.http.JwksRoutes;
import city.tds.server.http.MetricsRoutes;
import city.tds.server.http.NodeRoutes;
import city.tds.server.http.OpenApiRoutes;
import city.tds.server.http.RouteInfo;
import city.tds.server.identity.IdentityRoutes;
import city.tds.server.identity.InitialAdministrator;
import city.tds.server.protocol.ConnectorMembership;
import city.tds.server.protocol.ContractRoutes;
import city.tds.server.protocol.ProtocolAssembly;
import city.tds.server.protocol.SpaceTokenAuthenticator;
import city.tds.store.Database;
import city.tds.store.DatabaseHealthCheck;
import city.tds.store.DatabaseUnavailableException;
import city.tds.store.JdbiNodeIdentityStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running node: the composition root that wires configuration, data directory, keys, database and HTTP server with
 * plain constructors. Start-up either completes or fails with a one-line {@link StartupException} after undoing what it
 * did (a failed first start leaves no files behind).
 */
public final class TdsNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TdsNode.class);

    private final TdsConfig config;
    private final NodeIdentity identity;
    private final SigningKeyPair keys;
    private final EvidenceLog evidence;
    private final Database database;
    private final HttpApi http;
    private final Deque<AutoCloseable> resources;
    private final URI url;
    private final Optional<ProtocolAssembly> protocol;

    private TdsNode(
            TdsConfig config,
            NodeIdentity identity,
            SigningKeyPair keys,
            EvidenceLog evidence,
            Database database,
            HttpApi http,
            Deque<AutoCloseable> resources,
            URI url,
            Optional<ProtocolAssembly> protocol) {
        this.protocol = protocol;
        this.config = config;
        this.evidence = evidence;
        this.database = database;
        this.identity = identity;
        this.keys = keys;
        this.http = http;
        this.resources = resources;
        this.url = url;
    }

    public static TdsNode start(TdsConfig config, Clock clock) {
        return start(config, clock, Argon2idParameters.DEFAULT);
    }

    /** Starts a node with explicit key-derivation cost (tests use a cheap one). */
    public static TdsNode start(TdsConfig requested, Clock clock, Argon2idParameters keyDerivation) {
        long began = System.nanoTime();
        // a node on "any free port" takes its port now, so that its public URL (the issuer of its tokens) is known
        TdsConfig config = requested.http().port() == 0 ? onFreePort(requested) : requested;
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        CompletableFuture<SuiteAndKeys> keysOpening = null;
        DataDirectory dataDirectory = DataDirectory.open(config.node().dataDir());
        resources.push(dataDirectory);
        try {
            Instant startedAt = clock.instant();
            SecureRandom random = new SecureRandom();
            // loading the crypto provider, deriving the key-sealing key and starting the database are independent,
            // and each takes a good part of start-up: the first two run on their own thread, which then warms up the
            // HTTP server while this one still migrates and opens the modules
            keysOpening = openKeysAside(config, random, clock, keyDerivation);
            boolean isSpace = config.node().roles().contains(NodeRole.SPACE);

            Database database = openDatabase(config);
            resources.push(database);
            SuiteAndKeys opened = await(keysOpening);
            Optional<CatalogIndexOpening> catalogIndex = isSpace
                    ? Optional.of(CatalogIndexOpening.start(
                            config.node().dataDir(), config.node().name()))
                    : Optional.empty();
            catalogIndex.ifPresent(resources::push);
            CryptoSuite suite = opened.suite();
            SigningKeyPair keys = opened.keys();
            EvidenceAssembly evidence = EvidenceAssembly.open(database, suite, keys, clock, config.evidence());
            resources.push(evidence);
            NodeIdentity identity = database.unitOfWork()
                    .inTransaction(tx -> new NodeRecords(
                                    new JdbiNodeIdentityStore(database),
                                    evidence.log().recorder(),
                                    clock)
                            .identify(config, keys, random, startedAt));
            evidence.startWorker(
                    config.node().name(),
                    identity.nodeId() + "/" + ProcessHandle.current().pid() + "/"
                            + Long.toHexString(random.nextLong()));

            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            metrics.config().commonTags("node", config.node().name());
            bindJvmMetrics(metrics, resources);
            resources.push(metrics::close);

            List<HealthCheck> checks = List.of(
                    new DatabaseHealthCheck(database),
                    new SigningKeyHealthCheck(suite, keys),
                    new DataDirectoryHealthCheck(dataDirectory),
                    evidence.healthCheck());
            ObjectMapper mapper = Json.newMapper();
            URI publicUrl = config.node().publicUrl();
            Optional<Identity> space = isSpace
                    ? Optional.of(openIdentity(config, database, suite, keys, clock, random, evidence.log()))
                    : Optional.empty();
            Optional<CatalogAssembly> catalog = space.map(id -> CatalogAssembly.open(
                    catalogIndex.orElseThrow(),
                    config,
                    database,
                    id,
                    suite,
                    new TimeOrderedIdGenerator(clock, random),
                    clock,
                    evidence.log()));
            catalog.ifPresent(resources::push);
            boolean isConnector = config.node().roles().contains(NodeRole.CONNECTOR);
            Optional<DataPlaneAssembly> dataPlane = isConnector
                    ? Optional.of(new DataPlaneAssembly(
                            config.node().name(),
                            publicUrl.toString(),
                            config.node().dataDir(),
                            database,
                            suite,
                            keys,
                            clock,
                            evidence.log().recorder(),
                            new TimeOrderedIdGenerator(clock, random),
                            config.dataPlane().monitorInterval(),
                            config.governance().gradingRules()))
                    : Optional.empty();
            dataPlane.ifPresent(resources::push);
            Optional<ProtocolAssembly> protocol = dataPlane.map(d -> new ProtocolAssembly(
                    config.node().name(),
                    publicUrl.toString(),
                    database,
                    suite,
                    keys,
                    clock,
                    evidence.log().recorder(),
                    new TimeOrderedIdGenerator(clock, random),
                    config.node().name() + "/" + ProcessHandle.current().pid(),
                    d));
            protocol.ifPresent(resources::push);
            protocol.ifPresent(p -> dataPlane.orElseThrow().attach(p));
            protocol.ifPresent(p -> membership(config).ifPresent(p::join));
            AtomicReference<NodeDescription> description = new AtomicReference<>();
            List<ApiRoutes> routes = new ArrayList<>(List.of(
                    new HealthRoutes(config.node().name(), checks),
                    new MetricsRoutes(metrics),
                    new OpenApiRoutes(),
                    new NodeRoutes(description::get),
                    new JwksRoutes(keys.publicKey()),
                    evidence.routes()));
            JsonBody json = new JsonBody(mapper);
            protocol.ifPresent(p -> {
                routes.add(p.routes());
                routes.add(new ContractRoutes(p, database, json));
            });
            dataPlane.ifPresent(d -> routes.addAll(d.routes(json)));
            space.ifPresent(id -> {
                routes.add(new IdentityRoutes(id, json));
                routes.add(new EvidenceRecordRoutes(evidence.log()));
                routes.add(new CatalogRoutes(
                        catalog.orElseThrow().catalog(),
                        json,
                        publicUrl,
                        config.node().name(),
                        clock));
            });
            Authenticator authenticator = space.<Authenticator>map(id -> id.tokens()::verify)
                    .or(() -> protocol.map(p -> new SpaceTokenAuthenticator(p, clock)))
                    .orElse(Authenticator.NONE);
            HttpApi http = startHttp(config, mapper, metrics, authenticator, routes);
            resources.push(http);
            catalog.ifPresent(CatalogAssembly::warmUpAside);
            int port = http.port();
            description.set(describe(config, identity, suite, keys, publicUrl, startedAt));
            URI localUrl = URI.create("http://" + reachableHost(config.http().host()) + ":" + port);
            LOG.info(
                    "node {} ({}) started on {} in {} ms with {} key {}",
                    config.node().name(),
                    String.join(",", roles(config)),
                    localUrl,
                    (System.nanoTime() - began) / 1_000_000,
                    suite.signatureAlgorithm(),
                    keys.keyId());
            return new TdsNode(
                    config.withPort(port),
                    identity,
                    keys,
                    evidence.log(),
                    database,
                    http,
                    resources,
                    localUrl,
                    protocol);
        } catch (RuntimeException e) {
            if (keysOpening != null) {
                // never discard the data directory while the key file may still be being written
                keysOpening.handle((k, failure) -> null).join();
            }
            closeAll(resources);
            dataDirectory.discardIfFresh();
            throw e instanceof StartupException se ? se : new StartupException(oneLine(e), e);
        }
    }

    public URI url() {
        return url;
    }

    /** The Dataspace Protocol of a connector node; empty on a node without the connector role. */
    public Optional<ProtocolAssembly> protocol() {
        return protocol;
    }

    private static Optional<ConnectorMembership> membership(TdsConfig config) {
        TdsConfig.ConnectorConfig c = config.connector();
        return c.spaceUrl()
                .map(space -> new ConnectorMembership(
                        space, c.participantId().orElseThrow(), c.clientId().orElseThrow()));
    }

    public NodeIdentity identity() {
        return identity;
    }

    public SigningKeyPair keys() {
        return keys;
    }

    /** The node's evidence log. */
    public EvidenceLog evidence() {
        return evidence;
    }

    /** The node's database, for tools and tests that work beside the node's own modules. */
    public Database database() {
        return database;
    }

    public TdsConfig config() {
        return config;
    }

    public List<RouteInfo> routes() {
        return http.routes();
    }

    @Override
    public void close() {
        closeAll(resources);
        LOG.info("node {} stopped", config.node().name());
    }

    private static SigningKeyPair openKeys(
            TdsConfig config, CryptoSuite suite, Clock clock, Argon2idParameters keyDerivation) {
        NodeKeyFile keyFile = new NodeKeyFile(suite, keyDerivation, clock);
        Result<SigningKeyPair> keys;
        try {
            keys = keyFile.openOrCreate(config.keys().file(), config.keys().passphrase());
        } catch (UncheckedIOException e) {
            throw new StartupException(
                    "无法读写节点密钥 / " + e.getMessage() + ": " + e.getCause().getMessage());
        }
        if (!keys.isOk()) {
            throw new StartupException("节点密钥不可用 / " + keys.problem().detail());
        }
        return keys.value();
    }

    private record SuiteAndKeys(CryptoSuite suite, SigningKeyPair keys) {}

    /** Opens the suite and keys on a thread of their own, which then warms up the HTTP server. */
    private static CompletableFuture<SuiteAndKeys> openKeysAside(
            TdsConfig config, SecureRandom random, Clock clock, Argon2idParameters keyDerivation) {
        CompletableFuture<SuiteAndKeys> opening = new CompletableFuture<>();
        Runnable task = () -> {
            try {
                CryptoSuite suite = CryptoSuites.create(config.node().cryptoSuite(), random);
                opening.complete(new SuiteAndKeys(suite, openKeys(config, suite, clock, keyDerivation)));
            } catch (RuntimeException | Error e) {
                opening.completeExceptionally(e);
                return;
            }
            HttpApi.warmUpOnce();
        };
        new Thread(task, "tds-" + config.node().name() + "-keys").start();
        return opening;
    }

    private static Identity openIdentity(
            TdsConfig config,
            Database database,
            CryptoSuite suite,
            SigningKeyPair keys,
            Clock clock,
            SecureRandom random,
            EvidenceLog evidence) {
        TdsConfig.IdentityConfig c = config.identity();
        IdentitySettings settings = new IdentitySettings(
                config.node().publicUrl().toString(),
                c.accessTokenLifetime(),
                Duration.ofHours(8),
                c.maxLoginFailures(),
                c.lockout(),
                Duration.ofDays(365),
                c.statusRefresh(),
                Argon2idParameters.DEFAULT);
        Identity identity = new Identity(
                new JdbiIdentityStore(database),
                database.unitOfWork(),
                suite,
                keys,
                new TimeOrderedIdGenerator(clock, random),
                clock,
                settings,
                evidence.recorder());
        InitialAdministrator.ensure(identity, config.node().dataDir());
        identity.refreshStatus();
        return identity;
    }

    private static TdsConfig onFreePort(TdsConfig config) {
        int port;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(config.http().host(), 0));
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new StartupException(
                    "找不到空闲端口 / cannot find a free port on " + config.http().host(), e);
        }
        TdsConfig moved = config.withPort(port);
        String url = config.node().publicUrl().toString();
        return url.endsWith(":0") ? moved.withPublicUrl(URI.create(url.replaceFirst(":0$", ":" + port))) : moved;
    }

    private static SuiteAndKeys await(CompletableFuture<SuiteAndKeys> keys) {
        try {
            return keys.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static Database openDatabase(TdsConfig config) {
        try {
            return Database.open(config.database());
        } catch (DatabaseUnavailableException e) {
            throw new StartupException("数据库不可用 / " + e.getMessage(), e);
        }
    }

    private static HttpApi startHttp(
            TdsConfig config,
            ObjectMapper mapper,
            PrometheusMeterRegistry metrics,
            Authenticator authenticator,
            List<ApiRoutes> routes) {
        try {
            return HttpApi.start(
                    config.node().name(),
                    config.http().host(),
                    config.http().port(),
                    config.http().maxRequestBytes(),
                    mapper,
                    metrics,
                    authenticator,
                    routes);
        } catch (HttpApi.PortInUseException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    private static NodeDescription describe(
            TdsConfig config,
            NodeIdentity identity,
            CryptoSuite suite,
            SigningKeyPair keys,
            URI publicUrl,
            Instant startedAt) {
        return new NodeDescription(
                identity.nodeId(),
                identity.name(),
                roles(config),
                TdsVersion.current(),
                suite.id().name(),
                new NodeDescription.Algorithms(
                        suite.hashAlgorithm(), suite.signatureAlgorithm(), suite.cipherAlgorithm()),
                new NodeDescription.SigningKey(
                        keys.keyId(),
                        suite.signatureAlgorithm(),
                        keys.publicKey().toBase64()),
                publicUrl,
                identity.createdAt(),
                startedAt);
    }

    private static List<String> roles(TdsConfig config) {
        return config.node().roles().stream()
                .sorted()
                .map(NodeRole::name)
                .map(r -> r.toLowerCase(Locale.ROOT))
                .toList();
    }

    private static void bindJvmMetrics(PrometheusMeterRegistry metrics, Deque<AutoCloseable> resources) {
        new JvmMemoryMetrics().bindTo(metrics);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(metrics);
        resources.push(gc);
        new JvmThreadMetrics().bindTo(metrics);
        new ClassLoaderMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
    }

    private static String reachableHost(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                LOG.warn("failed to close a resource during shutdown", e);
            }
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "启动失败 / start-up failed: " + message.lines().findFirst().orElse(message);
    }
}
