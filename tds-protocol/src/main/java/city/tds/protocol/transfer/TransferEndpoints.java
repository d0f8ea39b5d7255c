package city.tds.protocol.transfer;

import city.tds.core.Problem;
import city.tds.core.Result;
import city.tds.protocol.DspEndpoint;
import city.tds.protocol.DspMessage;
import city.tds.protocol.DspMessageReader;
import city.tds.protocol.DspMessageType;
import city.tds.protocol.DspMessages;
import city.tds.protocol.negotiation.Counterparty;
import city.tds.protocol.negotiation.DspResponse;
import java.util.List;
import java.util.function.Function;

/**
 * The transfer process endpoints of DSP 2025-1 for both sides, independent of the HTTP server: the provider's
 * {@code /transfers/request} and {@code /transfers/{pid}}, and the start, suspension, completion and termination
 * paths both sides share. Errors are {@code TransferError} bodies.
 */
public final class TransferEndpoints implements DspEndpoint {

    private final Transfers transfers;
    private final DspMessageReader reader;

    public TransferEndpoints(Transfers transfers, DspMessageReader reader) {
        this.transfers = transfers;
        this.reader = reader;
    }

    @Override
    public DspResponse handle(String method, String path, Counterparty from, byte[] body) {
        List<String> segments = List.of(path.replaceAll("^/+|/+$", "").split("/"));
        if (segments.size() < 2 || !segments.get(0).equals("transfers")) {
            return error(Problem.notFound("dsp-unknown-endpoint", "no transfer endpoint " + path));
        }
        if (method.equals("POST") && segments.size() == 2 && segments.get(1).equals("request")) {
            return post(body, DspMessageType.TRANSFER_REQUEST, 201, m -> transfers.onRequest(from, m));
        }
        String pid = segments.get(1);
        if (method.equals("GET") && segments.size() == 2) {
            return answer(null, transfers.find(from, pid), 200);
        }
        if (!method.equals("POST") || segments.size() != 3) {
            return error(Problem.notFound("dsp-unknown-endpoint", "no endpoint " + method + " " + path));
        }
        return switch (segments.get(2)) {
            case "start" -> post(body, DspMessageType.TRANSFER_START, 200, m -> transfers.onStart(from, pid, m));
            case "suspension" ->
                post(body, DspMessageType.TRANSFER_SUSPENSION, 200, m -> transfers.onSuspension(from, pid, m));
            case "completion" ->
                post(body, DspMessageType.TRANSFER_COMPLETION, 200, m -> transfers.onCompletion(from, pid, m));
            case "termination" ->
                post(body, DspMessageType.TRANSFER_TERMINATION, 200, m -> transfers.onTermination(from, pid, m));
            default -> error(Problem.notFound("dsp-unknown-endpoint", "no endpoint POST " + path));
        };
    }

    private DspResponse post(
            byte[] body, DspMessageType type, int status, Function<DspMessage, Result<TransferProcess>> handler) {
        Result<DspMessage> message = reader.read(body, type);
        if (!message.isOk()) {
            return error(message.problem());
        }
        return answer(message.value(), handler.apply(message.value()), status);
    }

    private static DspResponse answer(DspMessage message, Result<TransferProcess> result, int status) {
        if (!result.isOk()) {
            return new DspResponse(
                    result.problem().kind().httpStatus(),
                    DspMessages.transferError(
                            message == null ? null : message.text("providerPid").orElse(null),
                            message == null ? null : message.text("consumerPid").orElse(null),
                            result.problem().code(),
                            List.of(result.problem().detail())));
        }
        TransferProcess p = result.value();
        return new DspResponse(status, DspMessages.transferProcess(p.providerPid(), p.consumerPid(), p.state()));
    }

    static DspResponse error(Problem problem) {
        return new DspResponse(
                problem.kind().httpStatus(),
                DspMessages.transferError(null, null, problem.code(), List.of(problem.detail())));
    }
}
