package city.tds.server.cli;

import city.tds.crypto.CryptoSuites;
import city.tds.crypto.SigningPublicKey;
import city.tds.evidence.receipt.Receipt;
import city.tds.evidence.receipt.ReceiptVerifier;
import city.tds.evidence.verify.LogVerification;
import city.tds.evidence.verify.LogVerifier;
import city.tds.server.config.ConfigException;
import city.tds.server.evidence.ExportVerifier;
import city.tds.server.evidence.LogExport;
import city.tds.server.evidence.PublicKeyFile;
import city.tds.server.evidence.StoppedNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "evidence",
        synopsisHeading = "%n用法 / Usage: ",
        header =
                "审计存证工具：离线验证回执与整个存证日志、导出日志 / Evidence tools: verify receipts and whole logs" + " offline, export a log",
        commandListHeading = "%n命令 / Commands:%n",
        optionListHeading = "%n选项 / Options:%n",
        subcommands = {EvidenceCommand.Verify.class, EvidenceCommand.Export.class})
final class EvidenceCommand implements Runnable {

    @picocli.CommandLine.Mixin
    HelpOptions helpOptions;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where a stopped node's log is. */
    static final class NodeLocation {
        @Option(
                names = "--data-dir",
                required = true,
                paramLabel = "DIR",
                description = "已停止节点的数据目录 / data directory of a stopped node")
        Path dataDir;

        @Option(
                names = "--database-url",
                paramLabel = "URL",
                description = "节点使用 PostgreSQL 时的 JDBC URL / the node's JDBC URL if it uses PostgreSQL"
                        + " (user and password from TDS_DATABASE_USER, TDS_DATABASE_PASSWORD)")
        String databaseUrl;

        StoppedNode open() {
            return StoppedNode.open(
                    dataDir, databaseUrl, System.getenv("TDS_DATABASE_USER"), System.getenv("TDS_DATABASE_PASSWORD"));
        }
    }

    @Command(
            name = "verify",
            synopsisHeading = "%n用法 / Usage: ",
            header = "离线验证 / Verify offline",
            description = {
                "验证回执：记录、包含证明与签名树头。 / RECEIPT: checks the record, its inclusion proof and the signed tree" + " head.",
                "验证整个日志：重算每个哈希和每个签名树头，指出第一个被修改、删除、插入或重排的序号。 / --data-dir:"
                        + " recomputes every hash and signed head of a stopped node's log and names the first"
                        + " sequence number that was altered, deleted, inserted or reordered.",
                "验证导出文件。 / --export: checks a file written by 'tds evidence export'."
            },
            optionListHeading = "%n选项 / Options:%n",
            exitCodeListHeading = "%n退出码 / Exit codes:%n",
            exitCodeList = {"0:验证通过 / verified", "1:验证失败 / verification failed", "2:输入有误 / bad input"})
    static final class Verify implements Callable<Integer> {

        @picocli.CommandLine.Mixin
        HelpOptions helpOptions;

        @Spec
        CommandSpec spec;

        @ArgGroup(multiplicity = "1")
        Target target;

        static final class Target {
            @Parameters(paramLabel = "RECEIPT.json", description = "回执文件 / a receipt file")
            Path receipt;

            @ArgGroup(exclusive = false)
            NodeLocation node;

            @Option(names = "--export", paramLabel = "FILE", description = "导出文件 / an export file")
            Path export;
        }

        @Option(
                names = "--public-key",
                paramLabel = "FILE",
                description = "独立获取的日志公钥（JSON，或 GET /api/v1/node 的结果） / the log's public key obtained"
                        + " independently (JSON with publicKey, or the saved GET /api/v1/node)")
        Path publicKey;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (target.receipt != null) {
                return verifyReceipt(out);
            }
            if (target.export != null) {
                ExportVerifier.Outcome outcome =
                        new ExportVerifier().verify(target.export, Optional.ofNullable(publicKey));
                out.println((outcome.valid() ? "验证通过 / verified: " : "验证失败 / FAILED: ") + outcome.message());
                return outcome.valid() ? 0 : 1;
            }
            return verifyLog(out);
        }

        private int verifyReceipt(PrintWriter out) throws IOException {
            Receipt receipt;
            try {
                JsonNode json = new ObjectMapper().readTree(Files.readString(target.receipt));
                receipt = Receipt.fromJson(json);
            } catch (IOException | RuntimeException e) {
                throw new ConfigException("回执无法读取 / cannot read receipt " + target.receipt + ": " + e.getMessage());
            }
            Optional<SigningPublicKey> pinned = Optional.ofNullable(publicKey)
                    .map(p -> PublicKeyFile.read(p, CryptoSuites.create(receipt.suite(), new SecureRandom())));
            ReceiptVerifier.Outcome outcome = new ReceiptVerifier().verify(receipt, pinned);
            out.println((outcome.valid() ? "验证通过 / verified: " : "验证失败 / FAILED: ") + outcome.message());
            if (outcome.valid() && !outcome.keyPinned()) {
                out.println("注意：公钥取自回执本身，请用 --public-key 固定独立获取的公钥 / note: the key came from the"
                        + " receipt itself; pin an independently obtained key with --public-key");
            }
            return outcome.valid() ? 0 : 1;
        }

        private int verifyLog(PrintWriter out) {
            try (StoppedNode node = target.node.open()) {
                SigningPublicKey key =
                        publicKey != null ? PublicKeyFile.read(publicKey, node.suite()) : node.keyFromKeyFile();
                LogVerification result = new LogVerifier(node.evidenceStore(), node.suite(), key).verify();
                if (!result.intact()) {
                    out.println("验证失败 / FAILED at sequence number "
                            + (result.firstBadSeq().isPresent()
                                    ? result.firstBadSeq().getAsLong()
                                    : "-") + ": "
                            + result.problem());
                    return 1;
                }
                out.printf(
                        "验证通过 / verified: %d records, root %s (%s), signed up to size %d by key %s%n",
                        result.size(), result.root(), node.suite().hashAlgorithm(), result.signedSize(), key.keyId());
                result.notes().forEach(note -> out.println("注意 / note: " + note));
                if (publicKey == null) {
                    out.println("注意：公钥取自节点的密钥文件，请用 --public-key 固定独立获取的公钥 / note: the key came"
                            + " from the node's own key file; pin an independently obtained key with --public-key");
                }
                return 0;
            }
        }
    }

    @Command(
            name = "export",
            synopsisHeading = "%n用法 / Usage: ",
            header = "导出存证日志（JSON Lines）供监管方离线核验 / Export the log as JSON lines for a regulator",
            description = {
                "第一行为头部（格式、密码套件、公钥），随后每行一条规范化记录，最后一行为最新签名树头。",
                "Line 1 is a header (format, suite, public key), then one canonical record per line, then the latest"
                        + " signed tree head. Check it with 'tds evidence verify --export FILE'."
            },
            optionListHeading = "%n选项 / Options:%n")
    static final class Export implements Callable<Integer> {

        @picocli.CommandLine.Mixin
        HelpOptions helpOptions;

        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = false, multiplicity = "1")
        NodeLocation node;

        @Option(
                names = {"-o", "--output"},
                paramLabel = "FILE",
                description = "输出文件（默认标准输出） / output file (default: standard output)")
        Path output;

        @Override
        public Integer call() throws IOException {
            try (StoppedNode stopped = node.open()) {
                long count;
                if (output == null) {
                    Writer writer = spec.commandLine().getOut();
                    count = LogExport.write(
                            stopped.evidenceStore(),
                            stopped.suite(),
                            stopped.keyFromKeyFile(),
                            Clock.systemUTC().instant(),
                            writer);
                    writer.flush();
                } else {
                    try (Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                        count = LogExport.write(
                                stopped.evidenceStore(),
                                stopped.suite(),
                                stopped.keyFromKeyFile(),
                                Clock.systemUTC().instant(),
                                writer);
                    }
                    spec.commandLine().getOut().println("已导出 / exported " + count + " records to " + output);
                }
                return 0;
            }
        }
    }
}
