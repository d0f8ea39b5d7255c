package city.tds.governance.detect;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An ordered set of detectors. For one value the first detector (in priority order) that matches decides its kind,
 * so each value counts for at most one kind.
 *
 * <p>The standard order puts the validated identifiers first: {@link SensitiveKind#RESIDENT_ID} before
 * {@link SensitiveKind#CREDIT_CODE} and {@link SensitiveKind#BANK_CARD}, because an 18-digit resident ID passes the
 * Luhn check one time in ten and a valid ID is far more likely than a card that happens to look like one; then
 * mobile, landline, e-mail, IP address and licence plate (whose shapes do not overlap), and last the dictionary
 * detectors, address before personal name.
 */
public final class Detectors {

    private final Detector[] inOrder;

    private Detectors(List<Detector> inOrder) {
        this.inOrder = inOrder.toArray(Detector[]::new);
    }

    /** The standard detectors, with birth dates bounded by today in the system clock. */
    public static Detectors standard() {
        return standard(Clock.systemDefaultZone());
    }

    /** The standard detectors, with birth dates bounded by today in {@code clock}. */
    public static Detectors standard(Clock clock) {
        return of(List.of(
                new ResidentIdDetector(clock),
                new CreditCodeDetector(),
                new BankCardDetector(),
                new MobileDetector(),
                new LandlineDetector(),
                new EmailDetector(),
                new IpAddressDetector(),
                new LicencePlateDetector(),
                new AddressDetector(),
                new PersonNameDetector()));
    }

    /** Detectors tried in the given priority order. */
    public static Detectors of(List<Detector> inPriorityOrder) {
        return new Detectors(List.copyOf(inPriorityOrder));
    }

    /** The detectors in priority order. */
    public List<Detector> all() {
        return List.of(inOrder);
    }

    /** The kind of {@code value}, or empty when no detector recognises it (or it is null or blank). */
    public Optional<SensitiveKind> detect(String value) {
        if (value == null) {
            return Optional.empty();
        }
        ValueShape shape = new ValueShape().analyse(value);
        int index = firstMatch(value, shape);
        return index < 0 ? Optional.empty() : Optional.of(inOrder[index].kind());
    }

    /** A new accumulator for one column called {@code columnName} (may be null when the column has no name). */
    public ColumnDetection newColumn(String columnName) {
        return new ColumnDetection(this, columnName);
    }

    /** Index in {@link #all()} of the first detector that matches, or -1; the certainty goes to {@code certainty}. */
    int firstMatch(String value, ValueShape shape, double[] certainty) {
        if (shape.length() == 0) {
            return -1;
        }
        for (int i = 0; i < inOrder.length; i++) {
            Detector detector = inOrder[i];
            if (detector.mayMatch(shape)) {
                double score = detector.score(value, shape);
                if (score > 0) {
                    certainty[0] = score;
                    return i;
                }
            }
        }
        return -1;
    }

    private int firstMatch(String value, ValueShape shape) {
        return firstMatch(value, shape, new double[1]);
    }

    int size() {
        return inOrder.length;
    }

    Detector get(int index) {
        return Objects.requireNonNull(inOrder[index]);
    }
}
