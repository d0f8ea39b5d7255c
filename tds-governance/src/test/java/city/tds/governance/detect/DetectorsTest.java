package city.tds.governance.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DetectorsTest {

    private final Detectors detectors =
            Detectors.standard(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void aResidentIdThatAlsoPassesLuhnIsAnId() {
        String id = "440305199003070356";
        assertThat(new BankCardDetector().matches(id)).isTrue();
        assertThat(detectors.detect(id)).contains(SensitiveKind.RESIDENT_ID);
    }

    @Test
    void detectsOneKindPerValue() {
        assertThat(detectors.detect("91350100M000100Y43")).contains(SensitiveKind.CREDIT_CODE);
        assertThat(detectors.detect("6222020200112233446")).contains(SensitiveKind.BANK_CARD);
        assertThat(detectors.detect("+86 138 1234 5678")).contains(SensitiveKind.MOBILE);
        assertThat(detectors.detect("0571-88886666")).contains(SensitiveKind.LANDLINE);
        assertThat(detectors.detect("a@b.cn")).contains(SensitiveKind.EMAIL);
        assertThat(detectors.detect("10.0.0.1")).contains(SensitiveKind.IP_ADDRESS);
        assertThat(detectors.detect("粤B·DF123")).contains(SensitiveKind.LICENCE_PLATE);
        assertThat(detectors.detect("张晓明")).contains(SensitiveKind.PERSON_NAME);
        assertThat(detectors.detect("浙江省杭州市西湖区文三路90号")).contains(SensitiveKind.ADDRESS);
    }

    @Test
    void ordinaryValuesAreNothing() {
        for (String value :
                new String[] {"", "  ", "12,345.67", "2024-03-05", "已完成", "SKU-8832-XL", "v1.2.3", "20240305"}) {
            assertThat(detectors.detect(value)).as(value).isEmpty();
        }
        assertThat(detectors.detect(null)).isEmpty();
    }

    @Test
    void shapeTrimsAndCompactsWithoutSeparators() {
        ValueShape shape = new ValueShape().analyse("  6222-0202 x ");
        assertThat(shape.length()).isEqualTo(11);
        assertThat(new String(shape.compact(), 0, shape.compactLength())).isEqualTo("62220202X");
        assertThat(shape.hyphens()).isEqualTo(1);
        assertThat(shape.spaces()).isEqualTo(1);
        assertThat(new ValueShape().analyse("1".repeat(30)).compactLength()).isEqualTo(-1);
    }
}
