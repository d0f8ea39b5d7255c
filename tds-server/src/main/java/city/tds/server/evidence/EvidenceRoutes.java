package city.tds.server.evidence;

import city.tds.core.Problem;
import city.tds.core.ProblemException;
import city.tds.core.Result;
import city.tds.evidence.log.EvidenceLog;
import city.tds.evidence.log.SignedTreeHead;
import city.tds.evidence.receipt.Receipt;
import city.tds.server.http.Access;
import city.tds.server.http.ApiRoutes;
import city.tds.server.http.QueryParameters;
import io.javalin.config.RoutesConfig;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public part of the evidence API: signed tree heads and proofs. They carry hashes only, never record contents,
 * so anyone may fetch them (as anyone may read a Certificate Transparency log's heads and proofs).
 */
public final class EvidenceRoutes implements ApiRoutes {

    private static final HexFormat HEX = HexFormat.of();

    private final EvidenceLog log;

    public EvidenceRoutes(EvidenceLog log) {
        this.log = log;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/evidence/tree-heads/latest", ctx -> ctx.json(treeHead(latest())), Access.PUBLIC);
        routes.get(
                "/api/v1/evidence/proofs/inclusion",
                ctx -> {
                    long seq = QueryParameters.requiredLong(ctx, "seq");
                    long treeSize =
                            QueryParameters.optionalLong(ctx, "treeSize").orElseGet(() -> latest().treeSize());
                    var proof = orProblem(log.inclusionProof(seq, treeSize));
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("leafIndex", proof.leafIndex());
                    body.put("treeSize", proof.treeSize());
                    body.put("leafHash", HEX.formatHex(proof.leafHash()));
                    body.put("path", hex(proof.path()));
                    ctx.json(body);
                },
                Access.PUBLIC);
        routes.get(
                "/api/v1/evidence/proofs/consistency",
                ctx -> {
                    long first = QueryParameters.requiredLong(ctx, "first");
                    long second = QueryParameters.optionalLong(ctx, "second").orElseGet(() -> latest().treeSize());
                    var proof = orProblem(log.consistencyProof(first, second));
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("first", proof.first());
                    body.put("second", proof.second());
                    body.put("path", hex(proof.path()));
                    ctx.json(body);
                },
                Access.PUBLIC);
    }

    private SignedTreeHead latest() {
        return log.latestTreeHead()
                .orElseThrow(() -> new ProblemException(
                        Problem.notFound("no-tree-head", "the log has not signed a tree head yet")));
    }

    private Map<String, Object> treeHead(SignedTreeHead head) {
        Map<String, Object> body = new LinkedHashMap<>();
        Receipt.treeHeadJson(head).properties().forEach(e -> body.put(e.getKey(), e.getValue()));
        body.put("hashAlgorithm", log.suite().hashAlgorithm());
        body.put("signatureAlgorithm", log.suite().signatureAlgorithm());
        return body;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    private static <T> T orProblem(Result<T> result) {
        return result.orElseThrow();
    }
}
