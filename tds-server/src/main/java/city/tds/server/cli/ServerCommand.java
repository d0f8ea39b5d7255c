package city.tds.server.cli;

import city.tds.server.config.ConfigKey;
import city.tds.server.config.ConfigParser;
import city.tds.server.config.ConfigSources;
import city.tds.server.config.TdsConfig;
import city.tds.server.node.TdsNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "server",
        synopsisHeading = "%n用法 / Usage: ",
        header = "运行一个节点（空间节点、连接器或两者） / Run one node (space, connector, or both)",
        description = {
            "读取配置文件 tds.yaml（若存在）、TDS_* 环境变量和命令行选项，后者优先。",
            "Reads tds.yaml (if present), TDS_* environment variables and the options below, later ones winning.",
            "密钥口令来自 TDS_KEYS_PASSPHRASE、keys.passphrase-file 或 keys.passphrase。",
            "The key passphrase comes from TDS_KEYS_PASSPHRASE, keys.passphrase-file or keys.passphrase.",
            "按 Ctrl+C 停止。 / Stop with Ctrl+C."
        },
        optionListHeading = "%n选项 / Options:%n",
        exitCodeListHeading = "%n退出码 / Exit codes:%n",
        exitCodeList = {
            "0:正常停止 / stopped normally",
            "1:启动失败 / start-up failed",
            "2:命令行或配置错误 / bad command line or configuration"
        })
final class ServerCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    HelpOptions helpOptions;

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            description = "配置文件 / config file (default: ./tds.yaml if it exists)")
    Path config;

    @Option(names = "--role", paramLabel = "ROLES", description = "space, connector 或/or space,connector")
    String roles;

    @Option(names = "--name", description = "节点名称 / node name")
    String name;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "数据目录 / data directory")
    String dataDir;

    @Option(names = "--host", description = "监听地址 / listen address")
    String host;

    @Option(names = "--port", description = "监听端口 / listen port (0 = any free port)")
    String port;

    @Option(names = "--suite", paramLabel = "GM|INTL", description = "密码套件 / crypto suite")
    String suite;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "设置任意配置项 / set any configuration key, e.g. --set database.url=jdbc:postgresql://db/tds")
    List<String> assignments = new ArrayList<>();

    @Option(
            names = "--check",
            description = "启动并自检（/health）后退出：检验配置、密钥口令与数据库 / start, check /health, then stop:"
                    + " validates the configuration, key passphrase and database")
    boolean check;

    @Override
    public Integer call() throws InterruptedException {
        TdsConfig parsed = new ConfigParser(sources(System.getenv())).parse();
        TdsNode node = TdsNode.start(parsed, Clock.systemUTC());
        var out = spec.commandLine().getOut();
        if (check) {
            try (node) {
                int status = selfCheck(node);
                out.printf("自检 / self-check: GET %s/health -> %d%n", node.url(), status);
                out.flush();
                return status == 200 ? 0 : TdsMain.EXIT_FAILURE;
            }
        }
        out.printf(
                "TDS 节点已启动 / node started: %s  %s  %s key %s%n",
                node.identity().name(),
                node.url(),
                parsed.node().cryptoSuite(),
                node.keys().keyId());
        out.flush();
        Shutdown.awaitInterrupt(List.of(node));
        return 0;
    }

    private static int selfCheck(TdsNode node) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        try {
            return http.send(
                            HttpRequest.newBuilder(node.url().resolve("/health"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    ConfigSources sources(Map<String, String> environment) {
        ConfigSources sources = new ConfigSources();
        Path file = config != null ? config : Files.exists(Path.of("tds.yaml")) ? Path.of("tds.yaml") : null;
        if (file != null) {
            sources.file(file);
        }
        return sources.environment(environment)
                .commandLine(ConfigKey.NODE_ROLES, roles, "--role")
                .commandLine(ConfigKey.NODE_NAME, name, "--name")
                .commandLine(ConfigKey.NODE_DATA_DIR, dataDir, "--data-dir")
                .commandLine(ConfigKey.HTTP_HOST, host, "--host")
                .commandLine(ConfigKey.HTTP_PORT, port, "--port")
                .commandLine(ConfigKey.NODE_CRYPTO_SUITE, suite, "--suite")
                .assignments(assignments);
    }
}
