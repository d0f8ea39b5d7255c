package city.tds.bench;

import java.util.Arrays;

/** Command-line options of the benchmarks: {@code --name value} pairs and bare {@code --flag}s. */
public final class Options {
    private final String[] args;

    public Options(String[] args) {
        this.args = args.clone();
    }

    public String value(String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    public long number(String name, long fallback) {
        return Long.parseLong(
                value(name, Long.toString(fallback)).replace("_", "").replace(",", ""));
    }

    public boolean flag(String name) {
        return Arrays.asList(args).contains(name);
    }
}
