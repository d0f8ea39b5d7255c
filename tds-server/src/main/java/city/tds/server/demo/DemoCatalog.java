package city.tds.server.demo;

import city.tds.core.identity.Role;
import city.tds.server.identity.SpaceClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The demo's providers publish through the listing workflow, over the space's API: the operator opens the zones, the
 * tax and social-security bureaus register their resources and products with compliance documents, a listing reviewer
 * approves them, the public notice ends (the demo runs with a zero notice period) and they are listed and found.
 * Safe to run again on the same data directory: what exists is reused.
 */
public final class DemoCatalog {

    /** How many times a bank may use a dataset it received as a file ({@link #fileTransferPolicy()}). */
    static final int FILE_TRANSFER_USES = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoCatalog() {}

    /** A listed demo product. */
    public record Listed(String provider, String productId, String name, String registrationCode) {}

    public static List<Listed> run(Demo demo, List<DemoOnboarding.Onboarded> onboarded, Consumer<String> progress) {
        city.tds.server.node.TdsNode space = demo.nodes().get(0).node();
        SpaceClient client = new SpaceClient(space.url());
        String sysadmin = client.login("sysadmin", DemoOnboarding.initialPassword(space));
        Map<String, DemoOnboarding.Onboarded> byNode = new java.util.HashMap<>();
        onboarded.forEach(o -> byNode.put(o.participant().nodeName(), o));
        ObjectNode reviewer = JSON.createObjectNode()
                .put("username", "demo-listing-reviewer")
                .put("password", DemoOnboarding.PASSWORD);
        reviewer.putArray("roles").add(Role.LISTING_REVIEWER.name());
        if (client.post("/api/v1/users", sysadmin, reviewer).status() == 201) {
            progress.accept("运营方创建上架审核员 / the operator created the listing reviewer demo-listing-reviewer");
        }
        String review = client.login("demo-listing-reviewer", DemoOnboarding.PASSWORD);

        DemoOnboarding.Onboarded tax = byNode.get("tax-bureau");
        DemoOnboarding.Onboarded social = byNode.get("social-security");
        DemoOnboarding.Onboarded bank = byNode.get("bank");
        String finance = zone(client, sysadmin, "finance", "金融服务专区", "普惠金融、信贷风控与供应链金融", bank, progress);
        String publicData = zone(client, sysadmin, "public-data", "公共数据授权运营专区", "经授权运营的政务与公共数据产品", tax, progress);

        String taxAdmin = client.login(tax.adminUsername(), DemoOnboarding.PASSWORD);
        String socialAdmin = client.login(social.adminUsername(), DemoOnboarding.PASSWORD);
        String taxResource = resource(
                client,
                taxAdmin,
                tax,
                "tax_monthly",
                "企业纳税信息",
                "全市企业按月纳税申报、缴纳与纳税信用等级记录",
                "市税务局征管科技处",
                1_850_000L,
                new String[][] {
                    {"credit_code", "string", "统一社会信用代码"},
                    {"tax_period", "date", "所属期"},
                    {"vat_amount", "decimal", "增值税缴纳金额"},
                    {"income_tax_amount", "decimal", "企业所得税缴纳金额"},
                    {"credit_rating", "string", "纳税信用等级"}
                },
                "经济/税务",
                progress);
        String socialResource = resource(
                client,
                socialAdmin,
                social,
                "social_insurance_monthly",
                "企业社会保险参保缴费信息",
                "全市用人单位按月参保人数、缴费基数与缴费状态",
                "市社会保险事业管理中心",
                2_300_000L,
                new String[][] {
                    {"credit_code", "string", "统一社会信用代码"},
                    {"month", "date", "缴费月份"},
                    {"insured_count", "integer", "参保人数"},
                    {"contribution_base", "decimal", "缴费基数合计"},
                    {"arrears", "boolean", "是否欠缴"}
                },
                "社会/社会保障",
                progress);

        List<Listed> listed = new ArrayList<>();
        listed.add(product(
                client,
                taxAdmin,
                review,
                tax,
                taxResource,
                List.of(finance, publicData),
                "小微企业纳税信用评估",
                "以企业纳税申报、缴纳和纳税信用等级为基础，在隐私计算环境中为银行输出小微企业信用评分，原始数据不出税务域。",
                List.of("纳税", "纳税信用", "普惠金融", "信贷风控", "小微企业"),
                "PRIVACY_COMPUTING_SERVICE",
                "2",
                List.of("SANDBOX", "PRIVACY_COMPUTING"),
                policy(),
                progress));
        listed.add(product(
                client,
                socialAdmin,
                review,
                social,
                socialResource,
                List.of(finance, publicData),
                "企业社保缴纳核验",
                "在数据沙箱中核验企业近 24 个月社会保险参保人数与缴费连续性，用于贷前尽调与贷后预警。",
                List.of("社保", "社会保险", "参保缴费", "贷前尽调"),
                "SANDBOX_SERVICE",
                "1",
                List.of("SANDBOX", "PRIVACY_COMPUTING"),
                policy(),
                progress));
        String taxFiles = resource(
                client,
                taxAdmin,
                tax,
                DemoData.TAX_SOURCE,
                "小微企业纳税概况",
                "全市小微企业当期增值税、企业所得税缴纳金额与纳税信用等级（脱敏汇总）",
                "市税务局征管科技处",
                (long) DemoData.FIRMS,
                new String[][] {
                    {"credit_code", "string", "统一社会信用代码"},
                    {"name", "string", "企业名称"},
                    {"district", "string", "所在区"},
                    {"tax_period", "date", "所属期"},
                    {"vat_amount", "decimal", "增值税缴纳金额"},
                    {"income_tax_amount", "decimal", "企业所得税缴纳金额"},
                    {"credit_rating", "string", "纳税信用等级"}
                },
                "经济/税务",
                progress);
        listed.add(product(
                client,
                taxAdmin,
                review,
                tax,
                taxFiles,
                List.of(finance, publicData),
                DemoData.TAX_PRODUCT,
                "小微企业当期纳税概况数据集，经授权交付至银行连接器，在使用方安全域内按合同受控使用：限信贷风控用途、30 天内最多使用 3 次，到期删除。",
                List.of("纳税", "小微企业", "普惠金融", "信贷风控", "数据集"),
                "DATASET",
                "2",
                List.of("FILE_TRANSFER"),
                fileTransferPolicy(),
                progress));

        String socialTable = resource(
                client,
                socialAdmin,
                social,
                DemoData.SOCIAL_SOURCE,
                "企业社保参保缴费概况",
                "小微企业近 12 个月逐月参保人数、缴费基数、实缴金额与欠缴金额",
                "市社会保险事业管理中心",
                (long) DemoData.FIRMS * DemoData.MONTHS,
                new String[][] {
                    {"credit_code", "string", "统一社会信用代码"},
                    {"period", "date", "费款所属期"},
                    {"insured_count", "integer", "参保人数"},
                    {"contribution_base", "decimal", "缴费基数合计"},
                    {"paid", "decimal", "实缴金额"},
                    {"arrears", "decimal", "欠缴金额"}
                },
                "社会/社会保障",
                progress);
        listed.add(product(
                client,
                socialAdmin,
                review,
                social,
                socialTable,
                List.of(finance, publicData),
                DemoData.SOCIAL_PRODUCT,
                "小微企业近 12 个月社会保险参保与缴费概况数据集，经授权交付至银行连接器，在使用方安全域内按合同受控使用：限信贷风控用途、30 天内最多使用 3 次，到期删除。",
                List.of("社保", "参保缴费", "普惠金融", "信贷风控", "数据集"),
                "DATASET",
                "2",
                List.of("FILE_TRANSFER"),
                fileTransferPolicy(),
                progress));

        String found = client.get(
                        "/api/v1/catalog/search?q=" + URLEncoder.encode("企业员工五险缴纳情况", StandardCharsets.UTF_8),
                        client.login(bank.adminUsername(), DemoOnboarding.PASSWORD))
                .expect(200)
                .path("hits")
                .path(0)
                .path("name")
                .asText("(none)");
        progress.accept("城商银行检索「企业员工五险缴纳情况」/ the bank searched for 企业员工五险缴纳情况: first hit " + found);
        return listed;
    }

    private static String zone(
            SpaceClient client,
            String sysadmin,
            String code,
            String name,
            String description,
            DemoOnboarding.Onboarded lead,
            Consumer<String> progress) {
        for (JsonNode z : client.get("/api/v1/catalog/zones", sysadmin).expect(200)) {
            if (z.path("code").asText().equals(code)) {
                return z.path("id").asText();
            }
        }
        ObjectNode body = JSON.createObjectNode()
                .put("code", code)
                .put("name", name)
                .put("description", description)
                .put("leadParticipantId", lead.participantId())
                .put("visibility", "PUBLIC");
        String id = client.post("/api/v1/catalog/zones", sysadmin, body)
                .expect(201)
                .path("id")
                .asText();
        progress.accept("运营方开设" + name + " / the operator opened zone " + code + ", led by "
                + lead.participant().nodeName());
        return id;
    }

    private static String resource(
            SpaceClient client,
            String token,
            DemoOnboarding.Onboarded provider,
            String sourceId,
            String title,
            String description,
            String department,
            long records,
            String[][] fields,
            String classification,
            Consumer<String> progress) {
        for (JsonNode r : client.get("/api/v1/catalog/resources", token).expect(200)) {
            if (r.path("sourceId").asText().equals(sourceId)) {
                return r.path("id").asText();
            }
        }
        ObjectNode body = JSON.createObjectNode()
                .put("title", title)
                .put("description", description)
                .put("sourceKind", "AUTHORIZED_OPERATION")
                .put("connectorId", provider.clientId())
                .put("sourceId", sourceId)
                .put("department", department)
                .put("updateFrequency", "MONTHLY")
                .put("recordCount", records)
                .put("coverageFrom", "2021-01-01")
                .put("coverageTo", "2026-10-31")
                .put("classification", classification);
        ArrayNode list = body.putArray("fields");
        for (String[] f : fields) {
            list.addObject().put("name", f[0]).put("type", f[1]).put("description", f[2]);
        }
        JsonNode registered =
                client.post("/api/v1/catalog/resources", token, body).expect(201);
        String id = registered.path("id").asText();
        progress.accept(provider.participant().nodeName() + " 登记数据资源「" + title + "」/ registered resource " + id
                + "，治理定级 / graded by governance: "
                + registered.path("gradeLabel").asText());
        for (JsonNode reason : registered.path("gradeProposal").path("basis")) {
            progress.accept("    " + reason.asText());
        }
        return id;
    }

    private static Listed product(
            SpaceClient client,
            String token,
            String reviewer,
            DemoOnboarding.Onboarded provider,
            String resourceId,
            List<String> zones,
            String name,
            String description,
            List<String> keywords,
            String type,
            String pricePerCall,
            List<String> deliveryModes,
            ObjectNode policy,
            Consumer<String> progress) {
        for (JsonNode p : client.get("/api/v1/catalog/products", token).expect(200)) {
            JsonNode last = p.path("versions").path(p.path("versions").size() - 1);
            if (last.path("name").asText().equals(name)
                    && last.path("status").asText().equals("LISTED")) {
                return new Listed(
                        provider.participant().nodeName(),
                        p.path("id").asText(),
                        name,
                        p.path("registrationCode").asText());
            }
        }
        ObjectNode body = JSON.createObjectNode()
                .put("name", name)
                .put("description", description)
                .put("industry", "金融业")
                .put("type", type)
                .put("publicData", true);
        ArrayNode kw = body.putArray("keywords");
        keywords.forEach(kw::add);
        body.putArray("resourceIds").add(resourceId);
        ArrayNode modes = body.putArray("deliveryModes");
        deliveryModes.forEach(modes::add);
        body.set("policy", policy);
        body.putObject("price")
                .put("model", "PER_CALL")
                .put("amount", new java.math.BigDecimal(pricePerCall))
                .put("currency", "CNY");
        ArrayNode z = body.putArray("zoneIds");
        zones.forEach(z::add);
        String id = client.post("/api/v1/catalog/products", token, body)
                .expect(201)
                .path("id")
                .asText();
        String code = list(client, token, reviewer, id, name + " 评估报告（演示）");
        progress.accept(provider.participant().nodeName() + " 上架「" + name + "」/ listed, registration code " + code);
        return new Listed(provider.participant().nodeName(), id, name, code);
    }

    /**
     * Takes draft product {@code productId} through the listing workflow: its compliance and quality reports (a
     * one-line PDF saying {@code reportTitle}) attached, submitted, approved by {@code reviewer}, and listed when the
     * notice period (zero in the demo) is concluded. Returns its registration code.
     */
    public static String list(SpaceClient client, String token, String reviewer, String productId, String reportTitle) {
        String base = "/api/v1/catalog/products/" + productId;
        byte[] report = ("%PDF-1.7\n% " + reportTitle + "\n").getBytes(StandardCharsets.UTF_8);
        for (String kind : new String[] {"COMPLIANCE_ASSESSMENT", "QUALITY_ASSESSMENT"}) {
            client.upload(
                            base + "/attachments?kind=" + kind + "&name=" + kind.toLowerCase(Locale.ROOT) + ".pdf",
                            token,
                            "application/pdf",
                            report)
                    .expect(201);
        }
        client.post(base + "/submit", token, JSON.nullNode()).expect(200);
        client.post(
                        base + "/review",
                        reviewer,
                        JSON.createObjectNode().put("decision", "APPROVE").put("reason", "材料齐全"))
                .expect(200);
        client.post("/api/v1/catalog/notices/conclude", reviewer, JSON.nullNode())
                .expect(200);
        return client.get(base, token).expect(200).path("registrationCode").asText();
    }

    /**
     * A bank may receive the product as a file for credit risk only, use it at most three times within 30 days of the
     * agreement, and not pass it on; its copy is deleted when that time is up.
     */
    static ObjectNode fileTransferPolicy() {
        return creditRiskPolicy(constraints -> {
            constraints
                    .addObject()
                    .put("leftOperand", "deliveryChannel")
                    .put("operator", "eq")
                    .put("rightOperand", "tds:fileTransfer");
            constraints
                    .addObject()
                    .put("leftOperand", "count")
                    .put("operator", "lteq")
                    .put("rightOperand", FILE_TRANSFER_USES);
            constraints
                    .addObject()
                    .put("leftOperand", "elapsedTime")
                    .put("operator", "lteq")
                    .putObject("rightOperand")
                    .put("@value", "P30D")
                    .put("@type", "xsd:duration");
        });
    }

    /** A bank may use the product for credit risk only, in the sandbox or by privacy computing, and not pass it on. */
    static ObjectNode policy() {
        return creditRiskPolicy(constraints -> constraints
                .addObject()
                .put("leftOperand", "deliveryChannel")
                .put("operator", "isAnyOf")
                .putArray("rightOperand")
                .add("tds:sandbox")
                .add("tds:privacyComputing"));
    }

    /**
     * An offer permitting use for credit risk by a financial institution, under the constraints {@code more} adds, and
     * prohibiting distribution.
     */
    public static ObjectNode creditRiskPolicy(Consumer<ArrayNode> more) {
        ObjectNode policy = JSON.createObjectNode();
        ArrayNode context = policy.putArray("@context");
        context.add("http://www.w3.org/ns/odrl.jsonld");
        context.addObject().put("tds", "https://tds.city/ns/policy#");
        policy.put("@type", "Offer");
        ArrayNode constraints =
                policy.putArray("permission").addObject().put("action", "use").putArray("constraint");
        constraints
                .addObject()
                .put("leftOperand", "purpose")
                .put("operator", "eq")
                .put("rightOperand", "tds:purpose/credit-risk");
        more.accept(constraints);
        constraints
                .addObject()
                .put("leftOperand", "recipientIndustry")
                .put("operator", "eq")
                .put("rightOperand", "金融");
        policy.putArray("prohibition").addObject().put("action", "distribute");
        return policy;
    }
}
