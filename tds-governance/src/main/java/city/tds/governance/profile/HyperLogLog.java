package city.tds.governance.profile;

/**
 * A distinct-count estimate in 4,096 one-byte registers (HyperLogLog with precision 12: a standard error of about
 * 1.6 %), exact below a few hundred values thanks to the linear-counting correction. Fed with 64-bit hashes.
 */
final class HyperLogLog {

    private static final int P = 12;
    private static final int M = 1 << P;
    private static final double ALPHA = 0.7213 / (1 + 1.079 / M);

    private final byte[] registers = new byte[M];

    void add(long hash) {
        int index = (int) (hash >>> (64 - P));
        long rest = (hash << P) | (1L << (P - 1));
        byte rank = (byte) (Long.numberOfLeadingZeros(rest) + 1);
        if (rank > registers[index]) {
            registers[index] = rank;
        }
    }

    long estimate() {
        double sum = 0;
        int zeros = 0;
        for (byte r : registers) {
            sum += 1.0 / (1L << r);
            if (r == 0) {
                zeros++;
            }
        }
        double raw = ALPHA * M * M / sum;
        if (raw <= 2.5 * M && zeros > 0) {
            return Math.round(M * Math.log((double) M / zeros));
        }
        return Math.round(raw);
    }
}
