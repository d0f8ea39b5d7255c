package city.tds.server.demo;

import city.tds.server.identity.SpaceClient;
import city.tds.server.node.TdsNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;

/**
 * The demo's data, about the same thousands of synthetic small firms (valid credit codes): the tax bureau's connector
 * holds a file of their tax figures and credit ratings as source {@value #TAX_SOURCE}; the social-security bureau's
 * connector holds twelve months of their social-insurance records as source {@value #SOCIAL_SOURCE}, a table in the
 * bureau's own database read over JDBC with a read-only account. Both are registered through the connectors' data
 * plane API; the catalog's resources of the same names point at them. Safe to run again on the same data directory.
 */
public final class DemoData {

    public static final String TAX_SOURCE = "tax-firm-summary";
    public static final String TAX_PRODUCT = "小微企业纳税概况数据集";
    public static final String SOCIAL_SOURCE = "social-insurance-summary";
    public static final String SOCIAL_PRODUCT = "企业社保参保缴费概况数据集";
    /** How many firms both bureaus know. */
    public static final int FIRMS = 3_000;
    /** How many months of social-insurance records the bureau holds per firm. */
    public static final int MONTHS = 12;

    static final YearMonth PERIOD = YearMonth.of(2026, 10);
    private static final long SEED = 7;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoData() {}

    public static void run(Demo demo, List<DemoOnboarding.Onboarded> onboarded, Consumer<String> progress) {
        List<DemoFirms.Firm> firms = DemoFirms.firms(FIRMS, SEED);
        TdsNode tax = demo.node("tax-bureau").node();
        Path file =
                tax.config().node().dataDir().resolve("sources").resolve("tax").resolve("tax_firm_summary.csv");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, DemoFirms.taxSummaryCsv(firms, PERIOD.toString()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo's tax data", e);
        }
        register(
                demo,
                tax,
                admin(onboarded, "tax-bureau"),
                JSON.createObjectNode()
                        .put("name", TAX_SOURCE)
                        .put("kind", "CSV_FILE")
                        .put("location", "tax/tax_firm_summary.csv"));
        progress.accept("市税务局连接器登记数据源「" + TAX_SOURCE + "」（" + FIRMS + " 家小微企业）/ the tax bureau's connector"
                + " holds source " + TAX_SOURCE + " with " + FIRMS + " firms");
        scan(demo, tax, admin(onboarded, "tax-bureau"), TAX_SOURCE, progress);

        TdsNode social = demo.node("social-security").node();
        SocialInsuranceDatabase database = SocialInsuranceDatabase.of(social);
        long rows = database.ensure(DemoSocialInsurance.months(firms, PERIOD, MONTHS, SEED));
        register(
                demo,
                social,
                admin(onboarded, "social-security"),
                JSON.createObjectNode()
                        .put("name", SOCIAL_SOURCE)
                        .put("kind", "JDBC_TABLE")
                        .put("location", database.connectorUrl())
                        .put("table", SocialInsuranceDatabase.TABLE)
                        .put("user", SocialInsuranceDatabase.READER)
                        .put("password", SocialInsuranceDatabase.READER_PASSWORD));
        progress.accept("市人社局连接器登记 JDBC 数据源「" + SOCIAL_SOURCE + "」：业务库表 " + SocialInsuranceDatabase.TABLE + "，"
                + FIRMS + " 家企业近 " + MONTHS + " 个月共 " + rows + " 行，只读账户 " + SocialInsuranceDatabase.READER
                + " 的口令由连接器密封保存 / the social-security bureau's connector holds JDBC source " + SOCIAL_SOURCE
                + ": table " + SocialInsuranceDatabase.TABLE + " of the bureau's database, " + rows + " rows ("
                + FIRMS + " firms × " + MONTHS + " months), read with account " + SocialInsuranceDatabase.READER
                + ", whose password the connector keeps sealed");
        scan(demo, social, admin(onboarded, "social-security"), SOCIAL_SOURCE, progress);
    }

    /** Runs the governance scan of {@code source} on its own connector and prints what it found. */
    private static void scan(
            Demo demo, TdsNode connector, String adminUsername, String source, Consumer<String> progress) {
        SpaceClient api = new SpaceClient(connector.url());
        String token = new SpaceClient(demo.nodes().get(0).node().url()).login(adminUsername, DemoOnboarding.PASSWORD);
        var report = api.post("/api/v1/dataplane/sources/" + source + "/scan", token, JSON.createObjectNode())
                .expect(200);
        StringBuilder found = new StringBuilder();
        for (var column : report.path("columns")) {
            for (var finding : column.path("findings")) {
                found.append(found.isEmpty() ? "" : ", ")
                        .append(column.path("name").asText())
                        .append(' ')
                        .append(finding.path("kind").asText())
                        .append(String.format(
                                java.util.Locale.ROOT,
                                " %.0f%%",
                                100 * finding.path("share").asDouble()));
            }
        }
        progress.accept("  治理扫描（在连接器上，数据不出域）/ governance scan on the connector (the data stays there): "
                + report.path("rows").asLong() + " 行 / rows, 敏感数据 / sensitive: "
                + (found.isEmpty() ? "-" : found) + "; 建议定级 / proposed grade "
                + report.path("grade").path("label").asText());
    }

    /** Registers {@code source} on {@code connector} unless a source of its name is there already. */
    private static void register(Demo demo, TdsNode connector, String adminUsername, ObjectNode source) {
        SpaceClient api = new SpaceClient(connector.url());
        String token = new SpaceClient(demo.nodes().get(0).node().url()).login(adminUsername, DemoOnboarding.PASSWORD);
        String name = source.path("name").asText();
        for (var known : api.get("/api/v1/dataplane/sources", token).expect(200)) {
            if (known.path("name").asText().equals(name)) {
                return;
            }
        }
        api.post("/api/v1/dataplane/sources", token, source).expect(201);
    }

    private static String admin(List<DemoOnboarding.Onboarded> onboarded, String nodeName) {
        return onboarded.stream()
                .filter(o -> o.participant().nodeName().equals(nodeName))
                .findFirst()
                .orElseThrow()
                .adminUsername();
    }
}
