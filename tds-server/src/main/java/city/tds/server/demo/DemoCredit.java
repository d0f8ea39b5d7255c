package city.tds.server.demo;

import city.tds.server.identity.SpaceClient;
import city.tds.server.node.TdsNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The seed's credit scenario (专栏 3, 小微企业普惠信贷) walked through the connectors' APIs as their people would: the
 * bank finds the tax bureau's dataset, negotiates for it, pulls it into its connector, reads it for credit risk (and
 * is refused for any other purpose), and when the tax bureau ends the agreement the bank's copy is deleted, file and
 * key. Each step names the evidence records it left, by sequence number.
 */
public final class DemoCredit {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofMinutes(10);
    static final String CREDIT_RISK = "tds:purpose/credit-risk";

    private DemoCredit() {}

    /** What the walk ended with. */
    public record Walked(
            String agreementId,
            String transferId,
            String copyId,
            long records,
            String digest,
            int reads,
            String finalCopyState) {}

    public static Walked run(Demo demo, Consumer<String> progress) {
        TdsNode space = demo.nodes().get(0).node();
        TdsNode tax = node(demo, "tax-bureau");
        TdsNode bank = node(demo, "bank");
        SpaceClient login = new SpaceClient(space.url());
        String bankToken = login.login("bank-admin", DemoOnboarding.PASSWORD);
        String taxToken = login.login("tax-bureau-admin", DemoOnboarding.PASSWORD);
        SpaceClient bankApi = new SpaceClient(bank.url());
        SpaceClient taxApi = new SpaceClient(tax.url());

        String agreementId = agree(demo, bankToken, progress);
        progress.accept("协议达成 / agreed: " + agreementId + " (信贷风控用途、30 天内至多 3 次 / credit risk only, at most 3"
                + " uses in 30 days); evidence bank " + numbers(bank, "agreement:" + agreementId, null, 2)
                + ", tax bureau " + numbers(tax, "agreement:" + agreementId, null, 2));
        JsonNode copy = pull(demo, bankToken, agreementId);
        String transferId = copy.path("transferId").asText();
        String copyId = copy.path("id").asText();
        progress.accept("银行连接器拉取数据 / the bank's connector pulled "
                + copy.path("records").asLong() + " records, "
                + copy.path("bytes").asLong() + " bytes, into encrypted copy " + copyId);
        progress.accept("  校验值一致 / checksums agree: " + copy.path("digest").asText() + " (tax bureau: "
                + copy.path("providerDigest").asText() + "); evidence tax bureau transfer.delivered "
                + numbers(tax, "agreement:" + agreementId, "transfer.delivered", 1) + ", bank copy.received "
                + numbers(bank, "copy:" + copyId, "copy.received", 1));

        String reads = "/api/v1/dataplane/copies/" + copyId + "/reads";
        Reply refused = post(bank, reads, bankToken, JSON.createObjectNode().put("purpose", "tds:purpose/marketing"));
        progress.accept(
                "营销用途读取被拒 / a read for marketing is refused (" + refused.status() + "): " + detail(refused.body()));
        Reply read = post(bank, reads, bankToken, JSON.createObjectNode().put("purpose", CREDIT_RISK));
        if (read.status() != 200) {
            throw new IllegalStateException("the credit-risk read was refused: " + read.body());
        }
        progress.accept("信贷风控读取 / read for credit risk (use " + read.use() + " of 3): " + analysis(read.body()));
        progress.accept("  evidence copy.used " + numbers(bank, "copy:" + copyId, "copy.used", 1));

        JsonNode ended = taxApi.post(
                        "/api/v1/contracts/agreements/" + agreementId + "/termination",
                        taxToken,
                        JSON.createObjectNode().put("reason", "授权运营期满，停止供数 / the authorised operation ended"))
                .expect(200);
        progress.accept("税务局终止协议 / the tax bureau ended the agreement at "
                + ended.path("terminatedAt").asText());
        JsonNode gone = await(
                () -> bankApi.get("/api/v1/dataplane/copies/" + copyId, bankToken)
                        .expect(200),
                c -> c.path("state").asText().equals("DELETED"));
        progress.accept("银行副本已删除（文件与密钥）/ the bank's copy is deleted, file and key; evidence bank "
                + "agreement.terminated " + numbers(bank, "agreement:" + agreementId, "agreement.terminated", 1)
                + ", copy.deleted " + numbers(bank, "copy:" + copyId, "copy.deleted", 1));
        Reply after = post(bank, reads, bankToken, JSON.createObjectNode().put("purpose", CREDIT_RISK));
        progress.accept("删除后读取 / a read after that is refused (" + after.status() + "): " + detail(after.body()));
        return new Walked(
                agreementId,
                transferId,
                copyId,
                copy.path("records").asLong(),
                copy.path("digest").asText(),
                read.use(),
                gone.path("state").asText());
    }

    /** The bank finds the tax bureau's dataset over DSP and negotiates for it; the agreement once finalized. */
    public static String agree(Demo demo, String bankToken, Consumer<String> progress) {
        TdsNode tax = node(demo, "tax-bureau");
        SpaceClient bankApi = new SpaceClient(node(demo, "bank").url());
        String taxAddress = tax.protocol().orElseThrow().selfAddress();
        JsonNode catalog = bankApi.post(
                        "/api/v1/contracts/catalog-requests",
                        bankToken,
                        JSON.createObjectNode().put("providerUrl", taxAddress))
                .expect(200);
        JsonNode dataset = null;
        for (JsonNode d : catalog.path("dataset")) {
            if (d.path("dct:title").asText().equals(DemoData.TAX_PRODUCT)) {
                dataset = d;
            }
        }
        if (dataset == null) {
            throw new IllegalStateException("the tax bureau's catalog does not offer " + DemoData.TAX_PRODUCT);
        }
        progress.accept("银行在税务局目录中找到「" + DemoData.TAX_PRODUCT + "」/ the bank found the tax bureau's dataset "
                + dataset.path("@id").asText());
        ObjectNode ask = JSON.createObjectNode()
                .put("providerId", catalog.path("participantId").asText())
                .put("providerUrl", taxAddress)
                .put("datasetId", dataset.path("@id").asText());
        ask.set("offer", dataset.path("hasPolicy").get(0));
        String negotiation = bankApi.post("/api/v1/contracts/negotiations", bankToken, ask)
                .expect(201)
                .path("id")
                .asText();
        return await(
                        () -> bankApi.get("/api/v1/contracts/negotiations/" + negotiation, bankToken)
                                .expect(200),
                        n -> n.path("state").asText().equals("FINALIZED"))
                .path("agreementId")
                .asText();
    }

    /** The bank pulls under {@code agreementId}; its copy once COMPLETE. */
    public static JsonNode pull(Demo demo, String bankToken, String agreementId) {
        SpaceClient bankApi = new SpaceClient(node(demo, "bank").url());
        String transferId = bankApi.post(
                        "/api/v1/contracts/transfers",
                        bankToken,
                        JSON.createObjectNode().put("agreementId", agreementId).put("format", "HttpData-PULL"))
                .expect(201)
                .path("id")
                .asText();
        JsonNode copy = await(
                () -> copyOf(bankApi, bankToken, transferId),
                c -> c.path("state").asText().matches("COMPLETE|FAILED"));
        if (!copy.path("state").asText().equals("COMPLETE")) {
            throw new IllegalStateException(
                    "the bank's copy failed: " + copy.path("problem").asText());
        }
        return copy;
    }

    /** What the bank makes of the data: how many firms, how many rated A or B, their median VAT. */
    static String analysis(String csv) {
        List<String> lines = csv.lines().skip(1).toList();
        long good = lines.stream()
                .map(l -> l.substring(l.lastIndexOf(',') + 1))
                .filter(r -> r.equals("A") || r.equals("B"))
                .count();
        double[] vat = lines.stream()
                .mapToDouble(l -> Double.parseDouble(l.split(",")[4]))
                .sorted()
                .toArray();
        double median = vat.length == 0 ? 0 : vat[vat.length / 2];
        return String.format(
                "%d 家企业，纳税信用 A/B 级 %d 家（%.0f%%），增值税中位数 %.0f 元 / %d firms, %d rated A or B, median VAT %.0f CNY",
                lines.size(),
                good,
                lines.isEmpty() ? 0.0 : 100.0 * good / lines.size(),
                median,
                lines.size(),
                good,
                median);
    }

    private static List<Long> numbers(TdsNode node, String subject, String type, int atLeast) {
        return DemoEvidence.numbers(node.evidence(), subject, type, atLeast);
    }

    private static JsonNode copyOf(SpaceClient api, String token, String transferId) {
        for (JsonNode c : api.get("/api/v1/dataplane/copies", token).expect(200)) {
            if (c.path("transferId").asText().equals(transferId)) {
                return c;
            }
        }
        return JSON.nullNode();
    }

    private record Reply(int status, String body, int use) {}

    /** A POST whose answer may be data rather than JSON. */
    private static Reply post(TdsNode node, String path, String token, JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.url() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            HttpResponse<String> response =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int use = Integer.parseInt(response.headers().firstValue("TDS-Use").orElse("0"));
            return new Reply(response.statusCode(), response.body(), use);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String detail(String problem) {
        try {
            JsonNode p = JSON.readTree(problem);
            return p.path("type").asText().replace("urn:tds:problem:", "") + " — "
                    + p.path("detail").asText();
        } catch (IOException e) {
            return problem;
        }
    }

    private static TdsNode node(Demo demo, String name) {
        return demo.nodes().stream()
                .filter(r -> r.participant().nodeName().equals(name))
                .findFirst()
                .orElseThrow()
                .node();
    }

    private static JsonNode await(Supplier<JsonNode> ask, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode answer = ask.get();
        while (!done.test(answer)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the demo step did not finish within " + WAIT + ": " + answer);
            }
            DemoEvidence.pause();
            answer = ask.get();
        }
        return answer;
    }
}
