package city.tds.governance.detect;

/**
 * Bank card numbers: 16–19 digits (spaces and hyphens tolerated), a valid Luhn check digit and a known issuer prefix:
 * UnionPay (62, 81), the old domestic debit range 60, Visa (4), Mastercard (51–55, 2221–2720) and JCB (3528–3589).
 *
 * <p>An 18-digit value that is a valid resident ID number is reported as {@link SensitiveKind#RESIDENT_ID} instead:
 * {@link Detectors} runs the ID detector first.
 */
public final class BankCardDetector implements Detector {

    private static final double CERTAINTY_UNIONPAY = 0.95;
    private static final double CERTAINTY_OTHER = 0.9;

    @Override
    public SensitiveKind kind() {
        return SensitiveKind.BANK_CARD;
    }

    @Override
    public boolean mayMatch(ValueShape shape) {
        int n = shape.compactLength();
        return n >= 16 && n <= 19 && shape.digits() == n && shape.onlyAlphanumericAndSeparators();
    }

    @Override
    public double score(String value, ValueShape shape) {
        char[] c = shape.compact();
        int n = shape.compactLength();
        if (!luhnValid(c, n)) {
            return 0;
        }
        int two = (c[0] - '0') * 10 + (c[1] - '0');
        int four = two * 100 + (c[2] - '0') * 10 + (c[3] - '0');
        if (two == 62 || two == 81) {
            return CERTAINTY_UNIONPAY;
        }
        boolean known = two == 60
                || c[0] == '4'
                || (two >= 51 && two <= 55)
                || (four >= 2221 && four <= 2720 && n == 16)
                || (four >= 3528 && four <= 3589);
        return known ? CERTAINTY_OTHER : 0;
    }

    /** Whether the digits {@code c[0..n)} pass the Luhn (mod 10) check. */
    static boolean luhnValid(char[] c, int n) {
        int sum = 0;
        boolean twice = false;
        for (int i = n - 1; i >= 0; i--) {
            int d = c[i] - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
