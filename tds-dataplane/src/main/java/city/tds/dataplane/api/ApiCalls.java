package city.tds.dataplane.api;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.core.evidence.EvidenceActor;
import city.tds.core.evidence.EvidenceEvent;
import city.tds.core.evidence.EvidenceRecorder;
import city.tds.core.tx.UnitOfWork;
import city.tds.dataplane.edr.AccessTokens;
import city.tds.dataplane.edr.Edr;
import city.tds.dataplane.received.AgreementTerms;
import city.tds.dataplane.serve.TransferGate;
import city.tds.dataplane.source.ApiEndpoint;
import city.tds.dataplane.source.Sources;
import city.tds.dataplane.usage.UsageEvent;
import city.tds.dataplane.usage.UsageKind;
import city.tds.dataplane.usage.UsageLog;
import city.tds.policy.CompiledPolicy;
import city.tds.policy.Decision;
import city.tds.policy.DeliveryMode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The provider's side of API-type products: each call of a consumer's app through the connector is checked — the
 * transfer's access token, the transfer started, the agreement's policy for this call (API channel, the call's
 * purpose, the time, the time since the agreement, the calls served so far under the agreement, and the consumer's
 * credential facts as the transfer was admitted with) — then forwarded to the source's internal API with the
 * provider's credential. A call that was answered is counted (a conditional write), metered ({@code CALL}) and
 * recorded ({@code api.called}) in one unit of work; a refused or failed call counts nothing.
 */
public final class ApiCalls {

    private final AccessTokens tokens;
    private final TransferGate gate;
    private final ApiGrantStore grants;
    private final ApiCallCount counts;
    private final AgreementTerms terms;
    private final Sources sources;
    private final UpstreamApi upstream;
    private final UnitOfWork tx;
    private final UsageLog usage;
    private final EvidenceRecorder evidence;
    private final Clock clock;
    private final Supplier<String> self;

    public ApiCalls(
            AccessTokens tokens,
            TransferGate gate,
            ApiGrantStore grants,
            ApiCallCount counts,
            AgreementTerms terms,
            Sources sources,
            UpstreamApi upstream,
            UnitOfWork tx,
            UsageLog usage,
            EvidenceRecorder evidence,
            Clock clock,
            Supplier<String> self) {
        this.tokens = tokens;
        this.gate = gate;
        this.grants = grants;
        this.counts = counts;
        this.terms = terms;
        this.sources = sources;
        this.upstream = upstream;
        this.tx = tx;
        this.usage = usage;
        this.evidence = evidence;
        this.clock = clock;
        this.self = self;
    }

    /** Keeps what the provider admitted an API transfer with; in the unit of work that starts it. */
    public void granted(ApiGrant grant) {
        grants.insert(grant);
    }

    /** Whether transfer {@code transferId} was started as an API transfer here. */
    public boolean isGranted(String transferId) {
        return grants.find(transferId).isPresent();
    }

    /**
     * Whether {@code token} opens transfer {@code transferId} for calls now: asked before a call's body is read, so
     * that only the token's holder makes the connector take a body.
     */
    public Result<Edr> admit(String token, String transferId) {
        Result<Edr> edr = tokens.check(token, transferId);
        if (!edr.isOk()) {
            return edr;
        }
        Optional<String> closed = gate.closed(transferId);
        if (closed.isPresent()) {
            return Result.fail(
                    Problem.conflict("transfer-not-started", "transfer " + transferId + ": " + closed.get()));
        }
        return edr;
    }

    /** Serves {@code call} of transfer {@code transferId} to the holder of {@code token}, if the agreement permits it. */
    public Result<ApiAnswer> call(String token, String transferId, ApiCall call) {
        Result<Edr> edr = admit(token, transferId);
        if (!edr.isOk()) {
            return Result.fail(edr.problem());
        }
        Result<ApiCall> checked = ApiPaths.check(call);
        if (!checked.isOk()) {
            return Result.fail(checked.problem());
        }
        Optional<ApiGrant> grant = grants.find(transferId);
        if (grant.isEmpty()) {
            return Result.fail(Problem.conflict(
                    "transfer-not-api", "transfer " + transferId + " was not started as an HttpData-API transfer"));
        }
        Result<Decided> decided =
                decide(grant.get(), call.purpose(), counts.of(grant.get().agreementId()));
        if (!decided.isOk()) {
            return Result.fail(decided.problem());
        }
        Result<ApiEndpoint> endpoint = sources.api(edr.value().sourceName());
        if (!endpoint.isOk()) {
            return Result.fail(endpoint.problem());
        }
        Result<ApiAnswer> answer = upstream.forward(edr.value().sourceName(), endpoint.value(), call);
        if (!answer.isOk()) {
            return answer;
        }
        return tx.attempt(t -> counted(edr.value(), grant.get(), call, decided.value(), answer.value()));
    }

    /** The decision for one more call after {@code served} calls, with the count it was made for. */
    private record Decided(Decision decision, long served) {}

    private Result<Decided> decide(ApiGrant grant, String purpose, long served) {
        Optional<AgreementTerms.Terms> agreement = terms.of(grant.agreementId());
        if (agreement.isEmpty() || agreement.get().ended() != null) {
            return Result.fail(new Problem(
                    ProblemKind.FORBIDDEN,
                    "agreement-ended",
                    "agreement " + grant.agreementId() + " no longer holds"
                            + agreement.map(a -> ": " + a.ended()).orElse("")));
        }
        Instant now = clock.instant();
        Duration elapsed = Duration.between(agreement.get().agreedAt(), now);
        Decision decision = CompiledPolicy.of(agreement.get().policy())
                .decide(grant.facts(now)
                        .withPurpose(purpose)
                        .withElapsed(elapsed.isNegative() ? Duration.ZERO : elapsed)
                        .withPriorUses(served)
                        .withChannel(DeliveryMode.API));
        if (!decision.permitted()) {
            return Result.fail(new Problem(
                    ProblemKind.FORBIDDEN,
                    "usage-denied",
                    "agreement " + grant.agreementId() + " does not permit this call: " + decision.explanation()));
        }
        return Result.ok(new Decided(decision, served));
    }

    /**
     * Counts the answered call, meters and records it. Another call counted meanwhile means deciding again with its
     * count; a call the policy no longer permits then is refused, and its answer is not given.
     */
    private Result<ApiAnswer> counted(Edr edr, ApiGrant grant, ApiCall call, Decided first, ApiAnswer answer) {
        Decided decided = first;
        Instant now = clock.instant();
        while (!counts.advance(grant.agreementId(), decided.served(), now)) {
            Result<Decided> again = decide(grant, call.purpose(), counts.of(grant.agreementId()));
            if (!again.isOk()) {
                return Result.fail(again.problem());
            }
            decided = again.value();
        }
        long number = decided.served() + 1;
        usage.record(new UsageEvent(
                grant.agreementId(),
                grant.transferId(),
                UsageKind.CALL,
                grant.consumerId(),
                1,
                0,
                answer.body().length,
                call.purpose(),
                now));
        evidence.record(new EvidenceEvent(
                "api.called",
                now,
                EvidenceActor.SYSTEM,
                List.of("transfer:" + grant.transferId(), "agreement:" + grant.agreementId()),
                Set.of(self.get(), grant.consumerId()),
                JsonNodeFactory.instance
                        .objectNode()
                        .put("transfer", grant.transferId())
                        .put("agreement", grant.agreementId())
                        .put("consumer", grant.consumerId())
                        .put("source", edr.sourceName())
                        .put("method", call.method())
                        .put("path", "/" + call.subPath())
                        .put("status", answer.status())
                        .put("bytes", answer.body().length)
                        .put("purpose", call.purpose())
                        .put("call", number)
                        .put("decision", decided.decision().explanation())
                        .toString()
                        .getBytes(StandardCharsets.UTF_8)));
        return Result.ok(answer.counted(number));
    }
}
