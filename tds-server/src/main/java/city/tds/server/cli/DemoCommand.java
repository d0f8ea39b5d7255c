package city.tds.server.cli;

import city.tds.crypto.Argon2idParameters;
import city.tds.crypto.SuiteId;
import city.tds.server.FileTrees;
import city.tds.server.config.ConfigException;
import city.tds.server.config.ConfigKey;
import city.tds.server.demo.Demo;
import city.tds.server.demo.DemoCatalog;
import city.tds.server.demo.DemoContract;
import city.tds.server.demo.DemoCredit;
import city.tds.server.demo.DemoData;
import city.tds.server.demo.DemoOnboarding;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "demo",
        synopsisHeading = "%n用法 / Usage: ",
        header = "启动演示空间：一个空间节点和三个连接器 / Start the demo: a space node and three connectors",
        description = {
            "在一个进程内启动运营方空间节点，以及税务局、人社局、银行三个连接器，各用独立的嵌入式数据库和密钥。",
            "Starts the operator's space node and connectors for a tax bureau, a social-security bureau and a bank in"
                    + " one process, each with its own embedded database and key.",
            "未给出 --data-dir 时使用临时目录，退出时删除。 / Without --data-dir a temporary directory is used and"
                    + " deleted on exit.",
            "按 Ctrl+C 停止。 / Stop with Ctrl+C."
        },
        optionListHeading = "%n选项 / Options:%n")
final class DemoCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    HelpOptions helpOptions;

    static final String DEMO_PASSPHRASE = "tds-demo-only-passphrase";

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "保留演示数据的目录 / keep demo data in DIR")
    Path dataDir;

    @Option(
            names = "--base-port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "空间节点端口，连接器依次递增；0 表示任选空闲端口 / space node port, connectors"
                    + " take the next ones; 0 picks free ports (default: ${DEFAULT-VALUE})")
    int basePort;

    @Option(
            names = "--suite",
            paramLabel = "GM|INTL",
            defaultValue = "GM",
            description = "密码套件 / crypto suite (default: ${DEFAULT-VALUE})")
    String suite;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SuiteId suiteId = SuiteId.parse(suite)
                .orElseThrow(() -> new ConfigException("--suite: expected GM or INTL, got '" + suite + "'"));
        if (basePort < 0 || basePort > 65_532) {
            throw new ConfigException("--base-port: expected 0 or a port from 1 to 65532, got " + basePort);
        }
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("tds-demo-") : dataDir;
        String passphrase = System.getenv(ConfigKey.KEYS_PASSPHRASE.envName());
        if (passphrase == null || passphrase.isEmpty()) {
            passphrase = DEMO_PASSPHRASE;
            out.println("注意：使用演示密钥口令，仅供本机试用 / note: using the demo key passphrase, for local trial only");
        }
        out.println("正在启动演示空间 / starting the demo in " + dir.toAbsolutePath());
        out.flush();
        Demo demo;
        try {
            demo = Demo.start(
                    dir, basePort, suiteId, passphrase.toCharArray(), Clock.systemUTC(), Argon2idParameters.DEFAULT);
        } catch (RuntimeException e) {
            if (temporary) {
                FileTrees.deleteRecursively(dir);
            }
            throw e;
        }
        printNodes(out, demo);
        out.println();
        out.println("入驻 / onboarding the participants through the space's API:");
        java.util.function.Consumer<String> progress = line -> {
            out.println("  " + line);
            out.flush();
        };
        List<DemoOnboarding.Onboarded> onboarded =
                orStop(demo, temporary ? dir : null, () -> DemoOnboarding.run(demo, progress));
        out.println();
        out.printf("%-16s %-38s %-22s %s%n", "参与方 / participant", "id", "admin login", "credential (status index)");
        for (DemoOnboarding.Onboarded o : onboarded) {
            out.printf(
                    "%-16s %-38s %-22s %s (%d)%n",
                    o.participant().nodeName(),
                    o.participantId(),
                    o.adminUsername(),
                    o.credentialId(),
                    o.statusIndex());
        }
        out.println();
        out.println("目录 / publishing products through the listing workflow:");
        List<DemoCatalog.Listed> listed =
                orStop(demo, temporary ? dir : null, () -> DemoCatalog.run(demo, onboarded, progress));
        out.println();
        out.printf("%-16s %-24s %-38s %s%n", "提供方 / provider", "登记编号 / registration", "product", "name");
        for (DemoCatalog.Listed l : listed) {
            out.printf("%-16s %-24s %-38s %s%n", l.provider(), l.registrationCode(), l.productId(), l.name());
        }
        out.println();
        out.println("合同 / the bank asks the tax bureau for its product over the Dataspace Protocol:");
        DemoContract.Agreed agreed =
                orStop(demo, temporary ? dir : null, () -> DemoContract.run(demo, onboarded, progress));
        out.printf(
                "  bank %s %s · tax bureau %s %s · agreement %s · transfer %s %s%n",
                agreed.consumerPid(),
                agreed.bankState(),
                agreed.providerPid(),
                agreed.taxState(),
                agreed.agreementId(),
                agreed.transferId(),
                agreed.bankTransfer());
        out.println();
        out.println("数据 / the providers' connectors hold their data:");
        orStop(demo, temporary ? dir : null, () -> {
            DemoData.run(demo, onboarded, progress);
            return null;
        });
        out.println();
        out.println("普惠信贷 / the credit scenario: the bank pulls the tax and social-insurance data and uses them"
                + " under the agreements:");
        orStop(demo, temporary ? dir : null, () -> DemoCredit.run(demo, progress));
        out.println();
        out.println("检索 / search:  curl '" + demo.nodes().get(0).node().url()
                + "/api/v1/catalog/search?q=%E7%BA%B3%E7%A8%8E%E4%BF%A1%E7%94%A8'");
        out.println("DCAT:          curl " + demo.nodes().get(0).node().url() + "/api/v1/catalog/dcat");
        out.println();
        out.println("演示账户密码 / demo account password: " + DemoOnboarding.PASSWORD + " (sysadmin: see "
                + demo.nodes().get(0).node().config().node().dataDir().resolve("keys/initial-sysadmin-password") + ")");
        out.println();
        out.println("演示空间已就绪，按 Ctrl+C 停止 / the demo is up; press Ctrl+C to stop");
        out.flush();
        AutoCloseable cleanup = () -> {
            if (temporary) {
                FileTrees.deleteRecursively(dir);
            }
        };
        Shutdown.awaitInterrupt(List.of(cleanup, demo));
        return 0;
    }

    /** Runs a demo step; if it fails, stops the demo and removes a temporary data directory before failing. */
    private static <T> T orStop(Demo demo, Path temporaryDir, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            demo.close();
            if (temporaryDir != null) {
                FileTrees.deleteRecursively(temporaryDir);
            }
            throw e;
        }
    }

    private static void printNodes(PrintWriter out, Demo demo) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        out.println();
        out.printf("%-16s %-26s %-9s %-34s %s%n", "节点 / node", "URL", "health", "signing key", "participant");
        for (Demo.Running running : demo.nodes()) {
            URI url = running.node().url();
            out.printf(
                    "%-16s %-26s %-9s %-34s %s%n",
                    running.participant().nodeName(),
                    url,
                    health(http, url),
                    running.node().keys().keyId(),
                    running.participant().displayName());
        }
        out.println();
        out.println("试试 / try:  curl " + demo.nodes().get(0).node().url() + "/health");
        out.println("             curl " + demo.nodes().get(1).node().url() + "/api/v1/node");
    }

    private static String health(HttpClient http, URI url) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(url.resolve("/health"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? "200 UP" : response.statusCode() + " DOWN";
        } catch (IOException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
