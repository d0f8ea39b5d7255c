package city.tds.governance.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnDetectionTest {

    private final Detectors detectors = Detectors.standard();

    @Test
    void aColumnOfIdsIsFoundWithNearCertainty() {
        ColumnDetection column = detectors.newColumn("证件号码");
        for (int i = 0; i < 90; i++) {
            column.accept("11010519491231002X");
        }
        for (int i = 0; i < 10; i++) {
            column.accept("unknown");
        }
        column.accept(null);
        column.accept("");
        List<Finding> findings = column.findings();
        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.kind()).isEqualTo(SensitiveKind.RESIDENT_ID);
        assertThat(finding.examined()).isEqualTo(100);
        assertThat(finding.matched()).isEqualTo(90);
        assertThat(finding.share()).isEqualTo(0.9);
        assertThat(finding.nameHint()).isTrue();
        assertThat(finding.confidence()).isGreaterThan(0.99);
    }

    @Test
    void aSmallShareCountsOnlyWithANameHint() {
        ColumnDetection hinted = detectors.newColumn("mobile");
        ColumnDetection unhinted = detectors.newColumn("remark");
        for (int i = 0; i < 100; i++) {
            String value = i < 15 ? "13812345678" : "call back later";
            hinted.accept(value);
            unhinted.accept(value);
        }
        assertThat(hinted.findings()).extracting(Finding::kind).containsExactly(SensitiveKind.MOBILE);
        assertThat(unhinted.findings()).isEmpty();
    }

    @Test
    void namesAreLessCertainThanValidatedNumbers() {
        ColumnDetection names = detectors.newColumn(null);
        ColumnDetection cards = detectors.newColumn(null);
        for (int i = 0; i < 50; i++) {
            names.accept(i % 2 == 0 ? "张晓明" : "李娜");
            cards.accept("6222020200112233446");
        }
        double nameConfidence = names.findings().get(0).confidence();
        double cardConfidence = cards.findings().get(0).confidence();
        assertThat(nameConfidence).isBetween(0.5, 0.9).isLessThan(cardConfidence);
    }

    @Test
    void anEmptyColumnHasNoFindings() {
        ColumnDetection column = detectors.newColumn("姓名");
        column.accept(null);
        assertThat(column.examined()).isZero();
        assertThat(column.findings()).isEmpty();
    }
}
