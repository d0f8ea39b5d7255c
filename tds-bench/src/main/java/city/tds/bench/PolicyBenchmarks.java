package city.tds.bench;

import city.tds.policy.Action;
import city.tds.policy.CompiledPolicy;
import city.tds.policy.Decision;
import city.tds.policy.DeliveryMode;
import city.tds.policy.Policies;
import city.tds.policy.Policy;
import city.tds.policy.PolicyReader;
import city.tds.policy.PolicyWriter;
import city.tds.policy.UsageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Policy decisions on one thread for a typical product policy: use for one of two purposes, by a bank (industry from
 * its credential), at most 1,000 times, until a date, in the sandbox or over the API, with a delete duty. Four
 * requests: one permitted (the common case at agreement and transfer time), one denied for its purpose (builds the
 * explanation), one denied on its use count, and one undetermined (building offers, where only the recipient is
 * known). The requests rotate so the JIT cannot fold one answer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class PolicyBenchmarks {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    static final Policy TYPICAL = Policies.offer(
            "urn:tds:policy:tax-credit",
            "urn:tds:participant:tax-bureau",
            "urn:tds:product:tax-credit",
            Policies.permission(
                    Action.USE,
                    List.of(
                            Policies.purposeIs("tds:purpose/credit-risk", "tds:purpose/kyc"),
                            Policies.recipientIndustryIs("金融业"),
                            Policies.usesAtMost(1000),
                            Policies.usableUntil(Instant.parse("2026-12-31T16:00:00Z")),
                            Policies.deliveredVia(DeliveryMode.SANDBOX, DeliveryMode.API)),
                    List.of(Policies.deleteWithin(Duration.ofDays(30)))));

    private static final PolicyReader READER = new PolicyReader();
    private static final String JSON = new PolicyWriter().toJson(TYPICAL);

    private CompiledPolicy policy;
    private UsageRequest[] permitted;
    private UsageRequest wrongPurpose;
    private UsageRequest exhausted;
    private UsageRequest offerCheck;
    private int next;

    @Setup
    public void compile() {
        policy = CompiledPolicy.of(TYPICAL);
        UsageRequest bank = UsageRequest.of(Action.USE, NOW)
                .withPurpose("tds:purpose/credit-risk")
                .withRecipient("urn:tds:participant:bank", "金融业", "企业法人", Set.of("consumer"))
                .withChannel(DeliveryMode.SANDBOX);
        permitted = new UsageRequest[16];
        for (int i = 0; i < permitted.length; i++) {
            permitted[i] = bank.withPriorUses(i * 37L)
                    .withPurpose(i % 2 == 0 ? "tds:purpose/credit-risk" : "tds:purpose/kyc")
                    .withChannel(i % 3 == 0 ? DeliveryMode.API : DeliveryMode.SANDBOX);
        }
        wrongPurpose = bank.withPriorUses(3).withPurpose("tds:purpose/marketing");
        exhausted = bank.withPriorUses(1000);
        offerCheck = UsageRequest.of(Action.USE, NOW).withRecipient("urn:tds:participant:bank", "金融业", null, Set.of());
        if (!policy.decide(permitted[0]).permitted()
                || policy.decide(wrongPurpose).possible()) {
            throw new IllegalStateException("the benchmark's requests do not decide as intended");
        }
    }

    @Benchmark
    public Decision permit() {
        next = (next + 1) & 15;
        return policy.decide(permitted[next]);
    }

    @Benchmark
    public Decision denyWithExplanation() {
        return policy.decide(wrongPurpose);
    }

    @Benchmark
    public Decision denyOnCount() {
        return policy.decide(exhausted);
    }

    @Benchmark
    public Decision undeterminedForAnOffer() {
        return policy.decide(offerCheck);
    }

    @Benchmark
    public CompiledPolicy compileFromJson() {
        return CompiledPolicy.of(READER.read(JSON).value());
    }
}
