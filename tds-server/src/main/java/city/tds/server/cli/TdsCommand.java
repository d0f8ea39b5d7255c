package city.tds.server.cli;

import city.tds.server.node.TdsVersion;
import picocli.CommandLine.Command;

@Command(
        name = "tds",
        synopsisHeading = "%n用法 / Usage: ",
        versionProvider = TdsCommand.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        header = {"TDS 城市可信数据空间 / TDS city trusted data space", ""},
        description = {
            "政府部门、企业与服务机构在不失去数据控制的前提下共享和共同使用数据。",
            "Government departments, enterprises and service firms share and jointly use data without losing control"
                    + " of it.",
            ""
        },
        commandListHeading = "%n命令 / Commands:%n",
        optionListHeading = "%n选项 / Options:%n",
        footer = {"", "运行 'tds COMMAND --help' 查看命令帮助。 / Run 'tds COMMAND --help' for help on a command."},
        subcommands = {
            ServerCommand.class,
            DemoCommand.class,
            CatalogCommand.class,
            GovernanceCommand.class,
            EvidenceCommand.class,
            BenchCommand.class
        })
public final class TdsCommand implements Runnable {

    @picocli.CommandLine.Mixin
    HelpOptions helpOptions;

    @picocli.CommandLine.Option(
            names = {"-V", "--version"},
            versionHelp = true,
            description = "显示版本并退出 / print the version and exit")
    boolean version;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tds " + TdsVersion.current() + " (Java " + Runtime.version() + ")"};
        }
    }
}
