package city.tds.server.cli;

import city.tds.server.config.ConfigException;
import city.tds.server.identity.SpaceClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The catalog from the command line, over a space node's API: what a provider, a listing reviewer and a consumer do in
 * the console, one command per step. Bodies are JSON files in the shapes of docs/openapi.yaml.
 */
@Command(
        name = "catalog",
        synopsisHeading = "%n用法 / Usage: ",
        header = "数据目录：登记、上架、检索 / Catalog: register, list and find data products",
        description = {
            "",
            "通过空间节点的接口操作目录 / works over a space node's API (--space).",
            "登录 / sign in: --user NAME, password from TDS_PASSWORD or --password-file.",
        },
        commandListHeading = "%n命令 / Commands:%n",
        optionListHeading = "%n选项 / Options:%n")
final class CatalogCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "/api/v1/catalog";

    @Mixin
    HelpOptions helpOptions;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--space",
            paramLabel = "URL",
            defaultValue = "http://127.0.0.1:8080",
            description = "空间节点地址 / the space node's URL (default: ${DEFAULT-VALUE})",
            scope = picocli.CommandLine.ScopeType.INHERIT)
    String space;

    @Option(
            names = "--user",
            paramLabel = "NAME",
            description = "登录用户名；不填则匿名 / user to sign in as; anonymous if absent",
            scope = picocli.CommandLine.ScopeType.INHERIT)
    String user;

    @Option(
            names = "--password-file",
            paramLabel = "FILE",
            description = "密码文件（首行）/ file whose first line is the password (else TDS_PASSWORD)",
            scope = picocli.CommandLine.ScopeType.INHERIT)
    Path passwordFile;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "zones", header = "专区列表 / list the zones you may see")
    int zones() {
        return print(client().get(BASE + "/zones", token()));
    }

    @Command(name = "create-zone", header = "创建专区（系统管理员）/ create a zone (system administrator)")
    int createZone(@Parameters(paramLabel = "FILE", description = "zone JSON") Path file) {
        return print(client().post(BASE + "/zones", token(), read(file)));
    }

    @Command(name = "resources", header = "我的数据资源 / list resources")
    int resources() {
        return print(client().get(BASE + "/resources", token()));
    }

    @Command(name = "register-resource", header = "登记数据资源 / register a data resource")
    int registerResource(@Parameters(paramLabel = "FILE", description = "resource JSON") Path file) {
        return print(client().post(BASE + "/resources", token(), read(file)));
    }

    @Command(name = "products", header = "我的数据产品 / list products")
    int products(
            @Option(names = "--status", paramLabel = "STATUS", description = "e.g. SUBMITTED, LISTED") String status) {
        return print(client().get(BASE + "/products" + (status == null ? "" : "?status=" + encode(status)), token()));
    }

    @Command(name = "create-product", header = "创建数据产品草稿 / create a product draft")
    int createProduct(@Parameters(paramLabel = "FILE", description = "product JSON") Path file) {
        return print(client().post(BASE + "/products", token(), read(file)));
    }

    @Command(name = "show", header = "查看数据产品 / show a product")
    int show(@Parameters(paramLabel = "PRODUCT") String id) {
        return print(client().get(BASE + "/products/" + encode(id), token()));
    }

    @Command(name = "attach", header = "上传评估材料 / attach a review document")
    int attach(
            @Parameters(index = "0", paramLabel = "PRODUCT") String id,
            @Parameters(index = "1", paramLabel = "FILE") Path file,
            @Option(
                            names = "--kind",
                            required = true,
                            paramLabel = "KIND",
                            description = "COMPLIANCE_ASSESSMENT | QUALITY_ASSESSMENT | OTHER")
                    String kind,
            @Option(names = "--media-type", defaultValue = "application/pdf", paramLabel = "TYPE") String mediaType) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException("无法读取 / cannot read " + file + ": " + e.getMessage());
        }
        return print(client().upload(
                        BASE + "/products/" + encode(id) + "/attachments?kind=" + encode(kind) + "&name="
                                + encode(file.getFileName().toString()),
                        token(),
                        mediaType,
                        content));
    }

    @Command(name = "submit", header = "提交审核 / submit for review")
    int submit(@Parameters(paramLabel = "PRODUCT") String id) {
        return step(id, "submit", null);
    }

    @Command(name = "withdraw", header = "撤回提交 / withdraw a submission")
    int withdraw(@Parameters(paramLabel = "PRODUCT") String id) {
        return step(id, "withdraw", null);
    }

    @Command(name = "revise", header = "新建版本 / start a new version")
    int revise(@Parameters(paramLabel = "PRODUCT") String id) {
        return step(id, "revise", null);
    }

    @Command(name = "review", header = "合规审核（上架审核员）/ review a submission (listing reviewer)")
    int review(
            @Parameters(paramLabel = "PRODUCT") String id,
            @Option(names = "--decision", required = true, paramLabel = "APPROVE|RETURN|REJECT") String decision,
            @Option(names = "--reason", paramLabel = "TEXT") String reason) {
        return print(client().post(
                        BASE + "/products/" + encode(id) + "/review",
                        token(),
                        JSON.createObjectNode().put("decision", decision).put("reason", reason)));
    }

    @Command(name = "object", header = "公示期异议 / object during the public notice")
    int object(
            @Parameters(paramLabel = "PRODUCT") String id,
            @Option(names = "--reason", required = true, paramLabel = "TEXT") String reason) {
        return print(client().post(
                        BASE + "/products/" + encode(id) + "/objections",
                        token(),
                        JSON.createObjectNode().put("reason", reason)));
    }

    @Command(name = "notices", header = "公示中的产品 / products in public notice")
    int notices() {
        return print(client().get(BASE + "/notices", token()));
    }

    @Command(name = "conclude-notices", header = "公示期满的产品上架（上架审核员）/ list products whose notice ended")
    int concludeNotices() {
        return print(client().post(BASE + "/notices/conclude", token(), JSON.nullNode()));
    }

    @Command(name = "suspend", header = "暂停（上架审核员）/ suspend a listed product")
    int suspend(
            @Parameters(paramLabel = "PRODUCT") String id,
            @Option(names = "--reason", required = true, paramLabel = "TEXT") String reason) {
        return step(id, "suspend", reason);
    }

    @Command(name = "reinstate", header = "恢复（上架审核员）/ reinstate a suspended product")
    int reinstate(
            @Parameters(paramLabel = "PRODUCT") String id,
            @Option(names = "--reason", required = true, paramLabel = "TEXT") String reason) {
        return step(id, "reinstate", reason);
    }

    @Command(name = "delist", header = "下架 / delist a product")
    int delist(
            @Parameters(paramLabel = "PRODUCT") String id,
            @Option(names = "--reason", required = true, paramLabel = "TEXT") String reason) {
        return step(id, "delist", reason);
    }

    @Command(name = "search", header = "检索目录 / search the catalog")
    int search(
            @Parameters(paramLabel = "QUERY", arity = "1..*") List<String> words,
            @Option(names = "--mode", paramLabel = "BM25|DENSE|HYBRID") String mode,
            @Option(names = "--zone", paramLabel = "ZONE") List<String> zones,
            @Option(names = "--limit", paramLabel = "N", defaultValue = "10") int limit) {
        StringBuilder path = new StringBuilder(BASE + "/search?q=")
                .append(encode(String.join(" ", words)))
                .append("&limit=")
                .append(limit);
        if (mode != null) {
            path.append("&mode=").append(encode(mode));
        }
        if (zones != null) {
            zones.forEach(z -> path.append("&zone=").append(encode(z)));
        }
        SpaceClient.Reply reply = client().get(path.toString(), token());
        if (reply.status() != 200) {
            return print(reply);
        }
        PrintWriter out = spec.commandLine().getOut();
        JsonNode body = reply.body();
        out.printf(
                "%d 个结果 / %d hits (%s)%n",
                body.path("total").asLong(),
                body.path("total").asLong(),
                body.path("mode").asText());
        int rank = 0;
        for (JsonNode hit : body.path("hits")) {
            out.printf(
                    "%2d. %-30s %-24s %s%n",
                    ++rank,
                    hit.path("name").asText(),
                    hit.path("registrationCode").asText(""),
                    hit.path("productId").asText());
        }
        out.flush();
        return 0;
    }

    @Command(name = "dcat", header = "导出 DCAT 3 目录 / export the public catalog as DCAT 3 JSON-LD")
    int dcat(@Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of stdout") Path out) {
        SpaceClient.Reply reply = client().get(BASE + "/dcat", null);
        if (reply.status() != 200 || out == null) {
            return print(reply);
        }
        try {
            Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reply.body()));
        } catch (IOException e) {
            throw new ConfigException("无法写入 / cannot write " + out + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println("已写入 / written: " + out);
        return 0;
    }

    @Command(name = "rebuild-index", header = "重建检索索引（系统管理员）/ rebuild the search index")
    int rebuildIndex() {
        return print(client().post(BASE + "/index/rebuild", token(), JSON.nullNode()));
    }

    private int step(String id, String action, String reason) {
        JsonNode body =
                reason == null ? JSON.nullNode() : JSON.createObjectNode().put("reason", reason);
        return print(client().post(BASE + "/products/" + encode(id) + "/" + action, token(), body));
    }

    private SpaceClient client() {
        try {
            return new SpaceClient(URI.create(space));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--space: not a URL: " + space);
        }
    }

    private String token() {
        if (user == null) {
            return null;
        }
        String password = System.getenv("TDS_PASSWORD");
        if (passwordFile != null) {
            try {
                password = Files.readAllLines(passwordFile).stream().findFirst().orElse("");
            } catch (IOException e) {
                throw new ConfigException("无法读取密码文件 / cannot read " + passwordFile + ": " + e.getMessage());
            }
        }
        if (password == null || password.isEmpty()) {
            throw new ConfigException("需要密码 / --user needs a password: set TDS_PASSWORD or --password-file");
        }
        SpaceClient.Reply login = client().post(
                        "/api/v1/auth/login",
                        null,
                        JSON.createObjectNode().put("username", user).put("password", password));
        if (login.status() != 200) {
            throw new ConfigException(
                    "登录失败 / sign-in failed: " + login.body().path("detail").asText());
        }
        return login.body().path("accessToken").asText();
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException("无法读取 JSON 文件 / cannot read JSON from " + file + ": " + e.getMessage());
        }
    }

    private int print(SpaceClient.Reply reply) {
        try {
            String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reply.body());
            if (reply.status() >= 400) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("失败 / refused (" + reply.status() + "): "
                        + reply.body().path("detail").asText(text));
                err.flush();
                return 1;
            }
            spec.commandLine().getOut().println(text);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
