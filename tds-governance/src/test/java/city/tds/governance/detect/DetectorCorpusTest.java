package city.tds.governance.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Precision and recall of the standard detectors on the labelled corpus; the target for every kind. */
class DetectorCorpusTest {

    private static final double MIN_PRECISION = 0.98;
    private static final double MIN_RECALL = 0.95;
    private static final int EXAMPLES = 8;

    private final Detectors detectors =
            Detectors.standard(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void everyDetectorMeetsThePrecisionAndRecallTarget() {
        Map<SensitiveKind, long[]> counts = new EnumMap<>(SensitiveKind.class);
        Map<SensitiveKind, List<String>> falsePositives = new EnumMap<>(SensitiveKind.class);
        Map<SensitiveKind, List<String>> falseNegatives = new EnumMap<>(SensitiveKind.class);
        for (SensitiveKind kind : SensitiveKind.values()) {
            counts.put(kind, new long[3]);
            falsePositives.put(kind, new ArrayList<>());
            falseNegatives.put(kind, new ArrayList<>());
        }
        for (Corpus.Entry entry : Corpus.load().entries()) {
            SensitiveKind detected = detectors.detect(entry.value()).orElse(null);
            if (detected != null && detected == entry.label()) {
                counts.get(detected)[0]++;
                continue;
            }
            if (detected != null) {
                counts.get(detected)[1]++;
                note(falsePositives.get(detected), entry.value() + " (" + label(entry.label()) + ")");
            }
            if (entry.label() != null) {
                counts.get(entry.label())[2]++;
                note(falseNegatives.get(entry.label()), entry.value() + " (" + label(detected) + ")");
            }
        }
        StringBuilder table = new StringBuilder(
                String.format("%n%-14s %6s %5s %5s %9s %7s%n", "kind", "tp", "fp", "fn", "precision", "recall"));
        for (SensitiveKind kind : SensitiveKind.values()) {
            long[] c = counts.get(kind);
            table.append(
                    String.format("%-14s %6d %5d %5d %9.4f %7.4f%n", kind, c[0], c[1], c[2], precision(c), recall(c)));
        }
        for (SensitiveKind kind : SensitiveKind.values()) {
            if (!falsePositives.get(kind).isEmpty() || !falseNegatives.get(kind).isEmpty()) {
                table.append(kind)
                        .append(" fp e.g. ")
                        .append(falsePositives.get(kind))
                        .append('\n');
                table.append(kind)
                        .append(" fn e.g. ")
                        .append(falseNegatives.get(kind))
                        .append('\n');
            }
        }
        System.out.println(table);
        for (SensitiveKind kind : SensitiveKind.values()) {
            long[] c = counts.get(kind);
            assertThat(precision(c)).as("precision of %s%s", kind, table).isGreaterThanOrEqualTo(MIN_PRECISION);
            assertThat(recall(c)).as("recall of %s%s", kind, table).isGreaterThanOrEqualTo(MIN_RECALL);
        }
    }

    private static void note(List<String> examples, String example) {
        if (examples.size() < EXAMPLES) {
            examples.add(example);
        }
    }

    private static String label(SensitiveKind kind) {
        return kind == null ? CorpusGenerator.NONE : kind.name();
    }

    private static double precision(long[] c) {
        return c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
    }

    private static double recall(long[] c) {
        return c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
    }
}
