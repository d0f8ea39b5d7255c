package city.tds.protocol.negotiation;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.core.evidence.EvidenceActor;
import city.tds.core.evidence.EvidenceEvent;
import city.tds.protocol.Dsp;
import city.tds.protocol.DspEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * Ending an agreement before its time (a TDS extension of the protocol: DSP 2025-1 ends negotiations, not the
 * agreements they made). Either party may end it; its connector records the end with evidence
 * ({@code agreement.terminated}) and tells the other party's connector with {@code POST <DSP base>/agreements/<id>/
 * termination} — a {@code tds:AgreementTerminationMessage}, authenticated like every DSP message — which records the
 * same end. After either records it, no transfer starts under the agreement and a consumer's copies under it go.
 */
public final class Agreements implements DspEndpoint {

    /** The type of the extension message. */
    public static final String MESSAGE_TYPE = "tds:AgreementTerminationMessage";

    /** The type of a consumer's usage report. */
    public static final String USAGE_TYPE = "tds:UsageReportMessage";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 16 * 1024;
    private static final int MAX_REASON = 2000;

    private final NegotiationContext context;
    private final Consumer<String> ended;
    private final BiPredicate<String, UsageReport> reported;

    /** {@code ended} is told the agreement's id after an end committed, on either side. */
    public Agreements(NegotiationContext context, Consumer<String> ended) {
        this(context, ended, (consumer, report) -> true);
    }

    /**
     * As {@link #Agreements(NegotiationContext, Consumer)}; {@code reported} records a consumer's usage report on the
     * provider's side (inside the unit of work that records its evidence) and says whether it is new.
     */
    public Agreements(NegotiationContext context, Consumer<String> ended, BiPredicate<String, UsageReport> reported) {
        this.context = context;
        this.ended = ended;
        this.reported = reported;
    }

    /**
     * The consumer reports a use of data received under {@code report}'s agreement to its provider: sent after the
     * caller's unit of work commits (in it, with the use it reports), retried until the provider has it.
     */
    public Result<UsageReport> report(UsageReport report) {
        return context.tx().attempt(t -> {
            Optional<Agreement> agreement = context.store()
                    .findAgreement(report.agreementId())
                    .filter(a -> a.consumerId().equals(context.self()));
            if (agreement.isEmpty()) {
                return Result.fail(Problem.notFound(
                        "dsp-unknown-agreement",
                        "no agreement " + report.agreementId() + " of which this connector is the consumer"));
            }
            Optional<ContractNegotiation> negotiation =
                    context.store().find(agreement.get().negotiationId());
            if (negotiation.isEmpty() || negotiation.get().counterpartyAddress() == null) {
                return Result.fail(Problem.conflict(
                        "agreement-unreachable",
                        "the provider's connector address of " + report.agreementId() + " is not known here"));
            }
            ObjectNode message = JsonNodeFactory.instance.objectNode();
            message.putArray("@context").add(Dsp.CONTEXT);
            message.put("@type", USAGE_TYPE)
                    .put("reportId", report.reportId())
                    .put("agreementId", report.agreementId())
                    .put("kind", report.kind())
                    .put("purpose", report.purpose())
                    .put("use", report.use())
                    .put("records", report.records())
                    .put("bytes", report.bytes())
                    .put("at", report.at().toString());
            Instant now = context.clock().instant();
            context.store()
                    .enqueue(new OutboundMessage(
                            context.ids().newId(),
                            negotiation.get().id(),
                            Dsp.base(negotiation.get().counterpartyAddress()) + "/agreements/"
                                    + URLEncoder.encode(report.agreementId(), StandardCharsets.UTF_8) + "/usage",
                            message.toString(),
                            0,
                            now,
                            null,
                            now));
            t.afterCommit(context.onQueued());
            return Result.ok(report);
        });
    }

    /** This connector's participant ends agreement {@code agreementId}, for {@code reason}; the other party is told. */
    public Result<AgreementTermination> terminate(String agreementId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            return Result.fail(Problem.invalidInput(
                    "reason-required", "ending an agreement needs a reason of 1 to " + MAX_REASON + " characters"));
        }
        return context.tx().attempt(t -> {
            Optional<Agreement> agreement = context.store()
                    .findAgreement(agreementId)
                    .filter(a -> a.providerId().equals(context.self())
                            || a.consumerId().equals(context.self()));
            if (agreement.isEmpty()) {
                return Result.fail(Problem.notFound(
                        "dsp-unknown-agreement", "no agreement " + agreementId + " of this connector's participant"));
            }
            Optional<AgreementTermination> before = context.store().termination(agreementId);
            if (before.isPresent()) {
                return Result.fail(Problem.conflict(
                        "agreement-terminated",
                        "agreement " + agreementId + " was terminated at "
                                + before.get().at() + ": " + before.get().reason()));
            }
            Optional<ContractNegotiation> negotiation =
                    context.store().find(agreement.get().negotiationId());
            if (negotiation.isEmpty() || negotiation.get().counterpartyAddress() == null) {
                return Result.fail(Problem.conflict(
                        "agreement-unreachable",
                        "the other party's connector address of " + agreementId + " is not known here"));
            }
            AgreementTermination end = new AgreementTermination(
                    agreementId, context.self(), reason, context.clock().instant());
            record(end, agreement.get());
            Instant now = context.clock().instant();
            ObjectNode message = JsonNodeFactory.instance.objectNode();
            message.putArray("@context").add(Dsp.CONTEXT);
            message.put("@type", MESSAGE_TYPE);
            message.put("agreementId", agreementId);
            message.putArray("reason").add(reason);
            context.store()
                    .enqueue(new OutboundMessage(
                            context.ids().newId(),
                            negotiation.get().id(),
                            Dsp.base(negotiation.get().counterpartyAddress()) + "/agreements/"
                                    + URLEncoder.encode(agreementId, StandardCharsets.UTF_8) + "/termination",
                            message.toString(),
                            0,
                            now,
                            null,
                            now));
            t.afterCommit(context.onQueued());
            return Result.ok(end);
        });
    }

    public Optional<AgreementTermination> termination(String agreementId) {
        return context.store().termination(agreementId);
    }

    /** {@code POST /agreements/{id}/termination} from the agreement's other party. */
    @Override
    public DspResponse handle(String method, String path, Counterparty from, byte[] body) {
        List<String> segments = List.of(path.replaceAll("^/+|/+$", "").split("/"));
        if (!method.equals("POST")
                || segments.size() != 3
                || !(segments.get(2).equals("termination") || segments.get(2).equals("usage"))) {
            return error(Problem.notFound("dsp-unknown-endpoint", "no endpoint " + method + " " + path));
        }
        String agreementId = URLDecoder.decode(segments.get(1), StandardCharsets.UTF_8);
        if (segments.get(2).equals("usage")) {
            return usage(agreementId, from, body);
        }
        if (body == null || body.length > MAX_BODY) {
            return error(new Problem(
                    ProblemKind.PAYLOAD_TOO_LARGE, "dsp-too-large", "a termination message is at most 16 KiB"));
        }
        JsonNode message;
        try {
            message = JSON.readTree(body);
        } catch (IOException e) {
            return error(Problem.invalidInput("dsp-malformed", "the body is not JSON: " + e.getMessage()));
        }
        if (message == null
                || !MESSAGE_TYPE.equals(message.path("@type").asText())
                || !agreementId.equals(message.path("agreementId").asText())) {
            return error(Problem.invalidInput(
                    "dsp-invalid-message", "expected a " + MESSAGE_TYPE + " with agreementId " + agreementId));
        }
        String reason = message.path("reason").path(0).asText("");
        Result<AgreementTermination> recorded = context.tx().attempt(t -> {
            Optional<Agreement> agreement = context.store()
                    .findAgreement(agreementId)
                    .filter(a -> (a.providerId().equals(from.participantId())
                                    && a.consumerId().equals(context.self()))
                            || (a.consumerId().equals(from.participantId())
                                    && a.providerId().equals(context.self())));
            if (agreement.isEmpty()) {
                return Result.fail(Problem.notFound(
                        "dsp-unknown-agreement", "no agreement " + agreementId + " with " + from.participantId()));
            }
            Optional<AgreementTermination> before = context.store().termination(agreementId);
            if (before.isPresent()) {
                return Result.ok(before.get()); // a retried message
            }
            AgreementTermination end = new AgreementTermination(
                    agreementId,
                    from.participantId(),
                    reason.isBlank() ? "ended by " + from.participantId() : truncate(reason),
                    context.clock().instant());
            record(end, agreement.get());
            return Result.ok(end);
        });
        if (!recorded.isOk()) {
            return error(recorded.problem());
        }
        ObjectNode answer = JsonNodeFactory.instance
                .objectNode()
                .put("@type", "tds:AgreementTermination")
                .put("agreementId", agreementId)
                .put("terminatedAt", recorded.value().at().toString());
        return new DspResponse(200, answer);
    }

    /** {@code POST /agreements/{id}/usage}: the agreement's consumer reports a use to this provider. */
    private DspResponse usage(String agreementId, Counterparty from, byte[] body) {
        if (body == null || body.length > MAX_BODY) {
            return error(
                    new Problem(ProblemKind.PAYLOAD_TOO_LARGE, "dsp-too-large", "a usage report is at most 16 KiB"));
        }
        UsageReport report;
        try {
            JsonNode m = JSON.readTree(body);
            if (m == null
                    || !USAGE_TYPE.equals(m.path("@type").asText())
                    || !agreementId.equals(m.path("agreementId").asText())
                    || !m.path("reportId").isTextual()
                    || m.path("reportId").asText().length() > 64
                    || !m.path("kind").isTextual()
                    || m.path("purpose").asText("").length() > 500
                    || !m.path("use").canConvertToLong()
                    || !m.path("records").canConvertToLong()
                    || !m.path("bytes").canConvertToLong()) {
                return error(Problem.invalidInput(
                        "dsp-invalid-message",
                        "expected a " + USAGE_TYPE + " with agreementId " + agreementId
                                + ", reportId (at most 64 characters), kind, use, records, bytes and at"));
            }
            report = new UsageReport(
                    m.path("reportId").asText(),
                    agreementId,
                    m.path("kind").asText(),
                    m.path("purpose").isTextual() ? m.path("purpose").asText() : null,
                    m.path("use").asLong(),
                    m.path("records").asLong(),
                    m.path("bytes").asLong(),
                    Instant.parse(m.path("at").asText()));
        } catch (IOException | java.time.format.DateTimeParseException e) {
            return error(Problem.invalidInput("dsp-malformed", "the usage report cannot be read: " + e.getMessage()));
        }
        Result<Boolean> recorded = context.tx().attempt(t -> {
            Optional<Agreement> agreement = context.store()
                    .findAgreement(agreementId)
                    .filter(a -> a.consumerId().equals(from.participantId())
                            && a.providerId().equals(context.self()));
            if (agreement.isEmpty()) {
                return Result.fail(Problem.notFound(
                        "dsp-unknown-agreement",
                        "no agreement " + agreementId + " of this provider with consumer " + from.participantId()));
            }
            boolean fresh = reported.test(from.participantId(), report);
            if (fresh) {
                context.evidence()
                        .record(new EvidenceEvent(
                                "usage.reported",
                                context.clock().instant(),
                                EvidenceActor.SYSTEM,
                                List.of(
                                        "agreement:" + agreementId,
                                        "negotiation:" + agreement.get().negotiationId()),
                                Set.of(context.self(), from.participantId()),
                                JsonNodeFactory.instance
                                        .objectNode()
                                        .put("agreement", agreementId)
                                        .put("report", report.reportId())
                                        .put("consumer", from.participantId())
                                        .put("kind", report.kind())
                                        .put("purpose", report.purpose())
                                        .put("use", report.use())
                                        .put("records", report.records())
                                        .put("bytes", report.bytes())
                                        .put("at", report.at().toString())
                                        .toString()
                                        .getBytes(StandardCharsets.UTF_8)));
            }
            return Result.ok(fresh);
        });
        if (!recorded.isOk()) {
            return error(recorded.problem());
        }
        return new DspResponse(
                200,
                JsonNodeFactory.instance
                        .objectNode()
                        .put("@type", "tds:UsageReport")
                        .put("reportId", report.reportId())
                        .put("agreementId", agreementId)
                        .put("recorded", recorded.value() ? "now" : "before"));
    }

    private void record(AgreementTermination end, Agreement agreement) {
        String counterparty =
                agreement.providerId().equals(context.self()) ? agreement.consumerId() : agreement.providerId();
        context.store().insertTermination(end);
        context.evidence()
                .record(new EvidenceEvent(
                        "agreement.terminated",
                        end.at(),
                        EvidenceActor.SYSTEM,
                        List.of("agreement:" + end.agreementId(), "negotiation:" + agreement.negotiationId()),
                        Set.of(context.self(), counterparty),
                        JsonNodeFactory.instance
                                .objectNode()
                                .put("agreement", end.agreementId())
                                .put("terminatedBy", end.terminatedBy())
                                .put("reason", end.reason())
                                .toString()
                                .getBytes(StandardCharsets.UTF_8)));
        context.tx().current().ifPresent(t -> t.afterCommit(() -> ended.accept(end.agreementId())));
    }

    private static String truncate(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON);
    }

    private static DspResponse error(Problem problem) {
        return NegotiationEndpoints.error(null, null, problem);
    }
}
