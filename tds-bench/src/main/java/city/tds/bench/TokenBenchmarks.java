package city.tds.bench;

import city.tds.core.Result;
import city.tds.core.id.TimeOrderedIdGenerator;
import city.tds.core.identity.Principal;
import city.tds.crypto.Argon2idParameters;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.CryptoSuites;
import city.tds.crypto.SigningKeyPair;
import city.tds.crypto.SuiteId;
import city.tds.evidence.log.EvidenceLog;
import city.tds.evidence.log.EvidenceSettings;
import city.tds.evidence.log.JdbiEvidenceStore;
import city.tds.identity.Identity;
import city.tds.identity.IdentitySettings;
import city.tds.identity.JdbiIdentityStore;
import city.tds.store.Database;
import city.tds.store.DatabaseSettings;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Access-token verification on one thread, as the access check in front of every route does it: {@code verify}
 * (signature checked once per token and cached, then expiry and lock/suspension/revocation checks on every use) and
 * the uncached signature-and-claims check a token's first use costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class TokenBenchmarks {

    @Param({"GM", "INTL"})
    public String suite;

    private Database database;
    private Identity identity;
    private String token;

    @Setup(Level.Trial)
    public void issueAToken() throws Exception {
        database = Database.open(DatabaseSettings.embedded(Files.createTempDirectory("tds-bench-tokens-")));
        CryptoSuite crypto = CryptoSuites.create(SuiteId.parse(suite).orElseThrow(), new SecureRandom());
        SigningKeyPair key = crypto.generateSigningKeyPair();
        Clock clock = Clock.systemUTC();
        EvidenceLog evidence = new EvidenceLog(
                new JdbiEvidenceStore(database, crypto.hashLength()),
                database.unitOfWork(),
                crypto,
                key,
                clock,
                EvidenceSettings.DEFAULT);
        identity = new Identity(
                new JdbiIdentityStore(database),
                database.unitOfWork(),
                crypto,
                key,
                new TimeOrderedIdGenerator(clock, new SecureRandom()),
                clock,
                IdentitySettings.defaults("https://space.bench").withPasswordCost(new Argon2idParameters(64, 1, 1)),
                evidence.recorder());
        identity.accounts().bootstrap("benchmark-password").orElseThrow();
        token = identity.tokens()
                .forUser(identity.accounts()
                        .authenticate("sysadmin", "benchmark-password")
                        .orElseThrow())
                .accessToken();
    }

    @TearDown(Level.Trial)
    public void close() {
        database.close();
    }

    @Benchmark
    public Result<Principal> verify() {
        return identity.tokens().verify(token);
    }

    @Benchmark
    public Result<Principal> verifySignatureAndClaims() {
        return identity.tokens().verifySignatureAndClaims(token);
    }
}
