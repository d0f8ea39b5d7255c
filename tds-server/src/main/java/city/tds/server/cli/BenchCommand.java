package city.tds.server.cli;

import city.tds.server.bench.StartupBenchmark;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "bench",
        synopsisHeading = "%n用法 / Usage: ",
        header = "运行端到端基准测试 / Run end-to-end benchmarks",
        optionListHeading = "%n选项 / Options:%n",
        commandListHeading = "%n命令 / Commands:%n",
        subcommands = {BenchCommand.Startup.class})
final class BenchCommand implements Runnable {

    @picocli.CommandLine.Mixin
    HelpOptions helpOptions;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "startup",
            synopsisHeading = "%n用法 / Usage: ",
            header = "测量 tds server 的启动时间和内存 / Measure start-up time and memory of tds server",
            description = {
                "每轮用新的数据目录首次启动一次，再用同一目录重启一次，测量从进程启动到 /health 返回 200 的时间，",
                "以及健康时和处理 500 个请求后的常驻内存（VmRSS）。目标：≤ 3 s，≤ 300 MB。",
                "Each run starts a node on a fresh data directory, then restarts it on the same directory, and measures"
                        + " the time from launch to the first 200 from /health, and the resident memory (VmRSS) when"
                        + " healthy and after 500 requests. Target: <= 3 s, <= 300 MB."
            },
            optionListHeading = "%n选项 / Options:%n")
    static final class Startup implements Callable<Integer> {

        @picocli.CommandLine.Mixin
        HelpOptions helpOptions;

        static final long TARGET_MILLIS = 3_000;
        static final long TARGET_RSS_KIB = 300 * 1024;

        @Spec
        CommandSpec spec;

        @Option(names = "--runs", defaultValue = "5", description = "轮数 / runs (default: ${DEFAULT-VALUE})")
        int runs;

        @Option(
                names = "--suite",
                defaultValue = "GM",
                paramLabel = "GM|INTL",
                description = "密码套件 / crypto suite (default: ${DEFAULT-VALUE})")
        String suite;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    "tds bench startup: %d runs, suite %s, %d cores, Java %s, JVM options %s%n",
                    runs,
                    suite,
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.version(),
                    String.join(" ", StartupBenchmark.jvmOptions()));
            out.flush();
            List<StartupBenchmark.Sample> samples = new StartupBenchmark().run(runs, suite);
            out.printf(
                    "%-8s %-12s %14s %14s %16s%n", "run", "start", "to healthy ms", "RSS healthy MB", "RSS loaded MB");
            int run = 0;
            for (StartupBenchmark.Sample s : samples) {
                run += s.firstStart() ? 1 : 0;
                out.printf(
                        "%-8d %-12s %14d %14.1f %16.1f%n",
                        run,
                        s.firstStart() ? "first" : "restart",
                        s.millisToHealthy(),
                        s.rssAtHealthyKiB() / 1024.0,
                        s.rssAfterLoadKiB() / 1024.0);
            }
            long worstMillis = max(samples, StartupBenchmark.Sample::millisToHealthy);
            long worstRss = max(samples, StartupBenchmark.Sample::rssAfterLoadKiB);
            boolean met = worstMillis <= TARGET_MILLIS && worstRss <= TARGET_RSS_KIB;
            out.printf(
                    "median to healthy: first %d ms, restart %d ms; worst %d ms; worst RSS %.1f MB -> %s%n",
                    median(samples, true),
                    median(samples, false),
                    worstMillis,
                    worstRss / 1024.0,
                    met ? "目标达成 / target met" : "未达目标 / target missed");
            return met ? 0 : 1;
        }

        private static long max(List<StartupBenchmark.Sample> samples, ToLongFunction<StartupBenchmark.Sample> f) {
            return samples.stream().mapToLong(f).max().orElse(0);
        }

        private static long median(List<StartupBenchmark.Sample> samples, boolean firstStart) {
            long[] values = samples.stream()
                    .filter(s -> s.firstStart() == firstStart)
                    .mapToLong(StartupBenchmark.Sample::millisToHealthy)
                    .sorted()
                    .toArray();
            return values.length == 0 ? 0 : values[values.length / 2];
        }
    }
}
