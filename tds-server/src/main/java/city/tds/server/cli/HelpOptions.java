package city.tds.server.cli;

import picocli.CommandLine.Option;

/** The bilingual -h/--help option every command has. */
final class HelpOptions {

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "显示帮助并退出 / show this help and exit")
    boolean help;
}
