package city.tds.server.demo;

import city.tds.server.identity.SpaceClient;
import city.tds.server.node.TdsNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The seed's credit scenario (专栏 3, 小微企业普惠信贷) walked through the connectors' APIs as their people would: the
 * bank finds the tax bureau's and the social-security bureau's datasets, negotiates for each, pulls both into its
 * connector, reads them for credit risk (and is refused for any other purpose, and beyond the agreed number of uses),
 * joins them into a loan whitelist, and when the bureaus end their agreements the bank's copies are deleted, file and
 * key. Each step names the evidence records it left, by sequence number.
 */
public final class DemoCredit {

    static final String CREDIT_RISK = "tds:purpose/credit-risk";
    static final String TAX = "tax-bureau";
    static final String SOCIAL = "social-security";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofMinutes(10);
    private static final int USES = DemoCatalog.FILE_TRANSFER_USES;
    /** What the bank reads the social-insurance data for, use by use, in Chinese and in English. */
    private static final List<String> SOCIAL_USES_ZH = List.of("白名单初筛", "审批复核", "贷后检查");

    private static final List<String> SOCIAL_USES_EN =
            List.of("whitelist screening", "approval review", "post-loan check");

    private DemoCredit() {}

    /** One dataset the bank held, as its copy ended: what arrived, both checksums, the uses counted and its state. */
    public record Held(
            String agreementId,
            String transferId,
            String copyId,
            long records,
            String digest,
            String providerDigest,
            long uses,
            String finalState) {

        static Held of(JsonNode copy) {
            return new Held(
                    copy.path("agreementId").asText(),
                    copy.path("transferId").asText(),
                    copy.path("id").asText(),
                    copy.path("records").asLong(),
                    copy.path("digest").asText(),
                    copy.path("providerDigest").asText(),
                    copy.path("uses").asLong(),
                    copy.path("state").asText());
        }
    }

    /**
     * What the walk ended with: the tax and social-insurance datasets, the joined whitelist, and the answer to the
     * read beyond the agreed count (its HTTP status and problem type).
     */
    public record Walked(
            Held tax, Held social, CreditAnalysis.Whitelist whitelist, int refusedStatus, String refusedProblem) {}

    public static Walked run(Demo demo, Consumer<String> progress) {
        TdsNode bank = demo.node("bank").node();
        String bankToken = login(demo, "bank-admin");
        BankReads reads = new BankReads(bank, bankToken);
        JsonNode taxCopy = obtain(demo, bankToken, TAX, DemoData.TAX_PRODUCT, progress);
        JsonNode socialCopy = obtain(demo, bankToken, SOCIAL, DemoData.SOCIAL_PRODUCT, progress);

        BankReads.Answer refused = reads.read(taxCopy, "tds:purpose/marketing");
        progress.accept("营销用途读取纳税数据被拒 / a read of the tax data for marketing is refused (" + refused.status() + "): "
                + refused.problemText());
        BankReads.Answer tax = reads.forCreditRisk(taxCopy);
        progress.accept("信贷风控读取纳税数据 / read the tax data for credit risk (use " + tax.use() + " of " + USES + "): "
                + CreditAnalysis.taxSummary(tax.body()) + "; evidence copy.used " + used(bank, taxCopy, 1));

        BankReads.Answer social = reads.forCreditRisk(socialCopy);
        progress.accept("信贷风控读取社保数据（" + SOCIAL_USES_ZH.get(0) + "）/ read the social-insurance data for credit risk, "
                + SOCIAL_USES_EN.get(0) + " (use " + social.use() + " of " + USES + "): "
                + CreditAnalysis.socialSummary(social.body()) + "; evidence copy.used " + used(bank, socialCopy, 1));
        CreditAnalysis.Whitelist whitelist = CreditAnalysis.whitelist(tax.body(), social.body(), DemoData.MONTHS);
        progress.accept("  按统一社会信用代码联合分析 / joined on the credit code: " + CreditAnalysis.describe(whitelist));
        for (int use = 2; use <= USES; use++) {
            BankReads.Answer again = reads.forCreditRisk(socialCopy);
            progress.accept("再次读取社保数据（" + SOCIAL_USES_ZH.get(use - 1) + "）/ read the social-insurance data again, "
                    + SOCIAL_USES_EN.get(use - 1) + " (use " + again.use() + " of " + USES + "); evidence copy.used "
                    + used(bank, socialCopy, use));
        }
        BankReads.Answer beyond = reads.read(socialCopy, CREDIT_RISK);
        if (beyond.status() == 200) {
            throw new IllegalStateException("read " + (USES + 1) + " was permitted: the agreed count was not enforced");
        }
        progress.accept("第 " + (USES + 1) + " 次读取社保数据被拒，且不计入使用次数 / read " + (USES + 1) + " is refused ("
                + beyond.status() + "): " + beyond.problemText() + "; not counted: the copy shows "
                + reads.now(socialCopy).path("uses").asLong() + " uses");

        Held taxHeld = end(demo, reads, TAX, taxCopy, progress);
        Held socialHeld = end(demo, reads, SOCIAL, socialCopy, progress);
        BankReads.Answer after = reads.read(taxCopy, CREDIT_RISK);
        progress.accept("删除后读取 / a read after that is refused (" + after.status() + "): " + after.problemText());
        return new Walked(taxHeld, socialHeld, whitelist, beyond.status(), beyond.problemType());
    }

    /**
     * The bank finds {@code productTitle} in the DSP catalog of the connector {@code providerNode} and negotiates for
     * it; the agreement once finalized.
     */
    public static String agree(
            Demo demo, String bankToken, String providerNode, String productTitle, Consumer<String> progress) {
        Demo.Running provider = demo.node(providerNode);
        SpaceClient bankApi = new SpaceClient(demo.node("bank").node().url());
        String address = provider.node().protocol().orElseThrow().selfAddress();
        JsonNode catalog = bankApi.post(
                        "/api/v1/contracts/catalog-requests",
                        bankToken,
                        JSON.createObjectNode().put("providerUrl", address))
                .expect(200);
        JsonNode dataset = null;
        for (JsonNode d : catalog.path("dataset")) {
            if (d.path("dct:title").asText().equals(productTitle)) {
                dataset = d;
            }
        }
        if (dataset == null) {
            throw new IllegalStateException("the catalog of " + providerNode + " does not offer " + productTitle);
        }
        progress.accept("银行在" + chinese(provider) + "目录中找到「" + productTitle + "」/ the bank found the dataset in the "
                + english(provider) + "'s catalog: " + dataset.path("@id").asText());
        ObjectNode ask = JSON.createObjectNode()
                .put("providerId", catalog.path("participantId").asText())
                .put("providerUrl", address)
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
        SpaceClient bankApi = new SpaceClient(demo.node("bank").node().url());
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

    /** The bank agrees with {@code providerNode} for {@code product} and pulls it; its complete copy. */
    private static JsonNode obtain(
            Demo demo, String bankToken, String providerNode, String product, Consumer<String> progress) {
        Demo.Running provider = demo.node(providerNode);
        TdsNode bank = demo.node("bank").node();
        String agreementId = agree(demo, bankToken, providerNode, product, progress);
        String subject = "agreement:" + agreementId;
        progress.accept("协议达成 / agreed: " + agreementId + " (信贷风控用途、30 天内至多 " + USES + " 次 / credit risk only, at"
                + " most " + USES + " uses in 30 days); evidence bank " + numbers(bank, subject, null, 2) + ", "
                + english(provider)
                + " " + numbers(provider.node(), subject, null, 2));
        JsonNode copy = pull(demo, bankToken, agreementId);
        progress.accept("银行连接器拉取数据 / the bank's connector pulled "
                + copy.path("records").asLong() + " records, "
                + copy.path("bytes").asLong() + " bytes, into encrypted copy "
                + copy.path("id").asText());
        progress.accept("  校验值一致 / checksums agree: " + copy.path("digest").asText() + " (" + english(provider) + ": "
                + copy.path("providerDigest").asText() + "); evidence " + english(provider) + " transfer.delivered "
                + numbers(provider.node(), subject, "transfer.delivered", 1) + ", bank copy.received "
                + numbers(bank, "copy:" + copy.path("id").asText(), "copy.received", 1));
        return copy;
    }

    /** {@code providerNode} ends the agreement of the bank's {@code copy}; the copy once deleted. */
    private static Held end(Demo demo, BankReads reads, String providerNode, JsonNode copy, Consumer<String> progress) {
        Demo.Running provider = demo.node(providerNode);
        String agreementId = copy.path("agreementId").asText();
        JsonNode ended = new SpaceClient(provider.node().url())
                .post(
                        "/api/v1/contracts/agreements/" + agreementId + "/termination",
                        login(demo, providerNode + "-admin"),
                        JSON.createObjectNode().put("reason", "授权运营期满，停止供数 / the authorised operation ended"))
                .expect(200);
        progress.accept(chinese(provider) + "终止协议 / the " + english(provider) + " ended its agreement at "
                + ended.path("terminatedAt").asText());
        JsonNode gone =
                await(() -> reads.now(copy), c -> c.path("state").asText().equals("DELETED"));
        TdsNode bank = demo.node("bank").node();
        progress.accept("银行持有的" + chinese(provider) + "数据副本已删除（文件与密钥）/ the bank's copy of the " + english(provider)
                + "'s data is deleted, file and key; evidence bank agreement.terminated "
                + numbers(bank, "agreement:" + agreementId, "agreement.terminated", 1) + ", copy.deleted "
                + numbers(bank, "copy:" + copy.path("id").asText(), "copy.deleted", 1));
        return Held.of(gone);
    }

    private static List<Long> used(TdsNode bank, JsonNode copy, int atLeast) {
        return numbers(bank, "copy:" + copy.path("id").asText(), "copy.used", atLeast);
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

    private static String login(Demo demo, String username) {
        return new SpaceClient(demo.nodes().get(0).node().url()).login(username, DemoOnboarding.PASSWORD);
    }

    /** The provider's name as the console shows it, in Chinese (e.g. 市税务局) and in English (city tax bureau). */
    private static String chinese(Demo.Running provider) {
        return provider.participant().displayName().split(" / ")[0];
    }

    private static String english(Demo.Running provider) {
        return provider.participant().displayName().split(" / ")[1];
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
