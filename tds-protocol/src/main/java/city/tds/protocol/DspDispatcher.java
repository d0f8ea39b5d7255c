package city.tds.protocol;

import city.tds.core.Problem;
import city.tds.protocol.negotiation.Counterparty;
import city.tds.protocol.negotiation.DspResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * All DSP 2025-1 endpoints of one connector behind one call: a path below the version base ({@code /catalog/...},
 * {@code /negotiations/...}, {@code /transfers/...}) goes to the protocol it belongs to. The HTTP layer authenticates
 * the caller and hands over the counterparty; a refusal before that (not joined, not authenticated) is answered with
 * {@link #refusal} so that it carries the error body of the protocol asked.
 */
public final class DspDispatcher implements DspEndpoint {

    private final DspEndpoint catalog;
    private final DspEndpoint negotiations;
    private final DspEndpoint transfers;
    private final DspEndpoint agreements;

    /** Usually {@code CatalogEndpoints}, {@code NegotiationEndpoints} and {@code TransferEndpoints}. */
    public DspDispatcher(DspEndpoint catalog, DspEndpoint negotiations, DspEndpoint transfers) {
        this(
                catalog,
                negotiations,
                transfers,
                (method, path, from, body) -> refusal(
                        path, Problem.notFound("dsp-unknown-endpoint", "this connector does not take " + path)));
    }

    /** With TDS's extension for ending agreements ({@code /agreements/...}, usually {@code Agreements}). */
    public DspDispatcher(DspEndpoint catalog, DspEndpoint negotiations, DspEndpoint transfers, DspEndpoint agreements) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.negotiations = Objects.requireNonNull(negotiations, "negotiations");
        this.transfers = Objects.requireNonNull(transfers, "transfers");
        this.agreements = Objects.requireNonNull(agreements, "agreements");
    }

    @Override
    public DspResponse handle(String method, String path, Counterparty from, byte[] body) {
        return switch (Protocol.of(path)) {
            case CATALOG -> catalog.handle(method, path, from, body);
            case TRANSFER -> transfers.handle(method, path, from, body);
            case NEGOTIATION -> negotiations.handle(method, path, from, body);
            case AGREEMENT -> agreements.handle(method, path, from, body);
        };
    }

    /** {@code problem} as the error body of the protocol {@code path} belongs to, with the problem's status. */
    public static DspResponse refusal(String path, Problem problem) {
        ObjectNode body =
                switch (Protocol.of(path)) {
                    case CATALOG -> DspMessages.message(DspMessageType.CATALOG_ERROR);
                    case TRANSFER -> DspMessages.transferError(null, null, null, null);
                    case NEGOTIATION, AGREEMENT -> DspMessages.negotiationError(null, null, null, null);
                };
        body.put("code", problem.code());
        body.putArray("reason").add(problem.detail());
        return new DspResponse(problem.kind().httpStatus(), body);
    }

    /** Which protocol a path belongs to. */
    private enum Protocol {
        CATALOG,
        NEGOTIATION,
        TRANSFER,
        /** TDS's extension: ending an agreement. */
        AGREEMENT;

        static Protocol of(String path) {
            String trimmed = path.replaceAll("^/+", "");
            if (trimmed.startsWith("catalog")) {
                return CATALOG;
            }
            if (trimmed.startsWith("agreements/")) {
                return AGREEMENT;
            }
            return trimmed.startsWith("transfers") ? TRANSFER : NEGOTIATION;
        }
    }
}
