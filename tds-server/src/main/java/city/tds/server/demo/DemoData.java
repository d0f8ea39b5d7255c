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
import java.util.List;
import java.util.function.Consumer;

/**
 * The demo's data: the tax bureau's connector holds a file of thousands of synthetic small firms (valid credit codes,
 * tax figures, credit ratings) as source {@value #TAX_SOURCE}, registered through its data plane API; the catalog's
 * resource of the same name points at it.
 */
public final class DemoData {

    public static final String TAX_SOURCE = "tax-firm-summary";
    public static final String TAX_PRODUCT = "小微企业纳税概况数据集";
    static final int TAX_FIRMS = 3_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoData() {}

    public static void run(Demo demo, List<DemoOnboarding.Onboarded> onboarded, Consumer<String> progress) {
        DemoOnboarding.Onboarded tax = onboarded.stream()
                .filter(o -> o.participant().nodeName().equals("tax-bureau"))
                .findFirst()
                .orElseThrow();
        TdsNode taxNode = demo.nodes().stream()
                .filter(r -> r.participant().nodeName().equals("tax-bureau"))
                .findFirst()
                .orElseThrow()
                .node();
        Path file = taxNode.config()
                .node()
                .dataDir()
                .resolve("sources")
                .resolve("tax")
                .resolve("tax_firm_summary.csv");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, DemoFirms.taxSummaryCsv(TAX_FIRMS, "2026-10", 7), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo's tax data", e);
        }
        SpaceClient connector = new SpaceClient(taxNode.url());
        String token =
                new SpaceClient(demo.nodes().get(0).node().url()).login(tax.adminUsername(), DemoOnboarding.PASSWORD);
        boolean known = false;
        for (var source : connector.get("/api/v1/dataplane/sources", token).expect(200)) {
            known |= source.path("name").asText().equals(TAX_SOURCE);
        }
        if (!known) {
            ObjectNode body = JSON.createObjectNode()
                    .put("name", TAX_SOURCE)
                    .put("kind", "CSV_FILE")
                    .put("location", "tax/tax_firm_summary.csv");
            connector.post("/api/v1/dataplane/sources", token, body).expect(201);
        }
        progress.accept("市税务局连接器登记数据源「" + TAX_SOURCE + "」（" + TAX_FIRMS + " 家小微企业）/ the tax bureau's connector"
                + " holds source " + TAX_SOURCE + " with " + TAX_FIRMS + " firms");
    }
}
