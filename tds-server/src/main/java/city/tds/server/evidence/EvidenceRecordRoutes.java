package city.tds.server.evidence;

import static city.tds.core.identity.Role.AUDIT_ADMIN;
import static city.tds.core.identity.Role.CONNECTOR;
import static city.tds.core.identity.Role.PARTICIPANT_ADMIN;
import static city.tds.core.identity.Role.PARTICIPANT_MEMBER;

import city.tds.core.Problem;
import city.tds.core.ProblemException;
import city.tds.core.identity.Principal;
import city.tds.core.identity.Role;
import city.tds.evidence.log.EvidenceLog;
import city.tds.evidence.log.StoredLeaf;
import city.tds.server.http.Access;
import city.tds.server.http.ApiRoutes;
import city.tds.server.http.Callers;
import city.tds.server.http.QueryParameters;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading evidence records, searching them and downloading receipts. The audit administrator reads every record; a
 * participant's people and machines read the records that name their participant among the parties. A record the
 * caller may not read is answered as if it did not exist.
 */
public final class EvidenceRecordRoutes implements ApiRoutes {

    private static final Access READERS = Access.anyOf(AUDIT_ADMIN, PARTICIPANT_ADMIN, PARTICIPANT_MEMBER, CONNECTOR);
    private static final int MAX_PAGE = 500;

    private final EvidenceLog log;

    public EvidenceRecordRoutes(EvidenceLog log) {
        this.log = log;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(
                "/api/v1/evidence/records/{seq}",
                ctx -> ctx.json(visible(ctx).record().toJson()),
                READERS);
        routes.get(
                "/api/v1/evidence/receipts/{seq}",
                ctx -> ctx.json(log.receipt(visible(ctx).seq()).orElseThrow().toJson()),
                READERS);
        routes.get(
                "/api/v1/evidence/records",
                ctx -> {
                    Principal caller = Callers.required(ctx);
                    long after = QueryParameters.optionalLong(ctx, "after").orElse(-1);
                    long limit = QueryParameters.optionalLong(ctx, "limit").orElse(100);
                    if (limit < 1 || limit > MAX_PAGE) {
                        throw new ProblemException(Problem.invalidInput(
                                "invalid-query-parameter", "limit is 1 to " + MAX_PAGE + ", got " + limit));
                    }
                    String party = caller.has(Role.AUDIT_ADMIN) ? null : caller.participantId();
                    if (party == null && !caller.has(Role.AUDIT_ADMIN)) {
                        ctx.json(Map.of("records", List.of()));
                        return;
                    }
                    List<Long> seqs =
                            log.search(ctx.queryParam("subject"), ctx.queryParam("type"), party, after, (int) limit);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put(
                            "records",
                            seqs.stream()
                                    .map(seq ->
                                            log.leaf(seq).orElseThrow().record().toJson())
                                    .toList());
                    if (seqs.size() == limit) {
                        body.put("next", seqs.get(seqs.size() - 1));
                    }
                    ctx.json(body);
                },
                READERS);
    }

    private StoredLeaf visible(Context ctx) {
        long seq;
        try {
            seq = Long.parseLong(ctx.pathParam("seq"));
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.invalidInput(
                    "invalid-path-parameter",
                    "the sequence number must be an integer, got '" + ctx.pathParam("seq") + "'"));
        }
        Principal caller = Callers.required(ctx);
        return log.leaf(seq)
                .filter(leaf -> caller.has(Role.AUDIT_ADMIN)
                        || (caller.participantId() != null
                                && leaf.record().parties().contains(caller.participantId())))
                .orElseThrow(() -> new ProblemException(
                        Problem.notFound("no-such-record", "no evidence record " + seq + " that you may read")));
    }
}
