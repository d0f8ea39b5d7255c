package city.tds.governance.mask;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.core.Result;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowMaskerTest {

    private static final MaskingKeys KEYS =
            MaskingKeys.of("default", "sixteen byte key".getBytes(StandardCharsets.US_ASCII));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final List<String> HEADER = List.of("序号", "姓名", "身份证号", "手机号", "邮箱", "出生日期", "备注");

    @Test
    void masksTheExampleRow() {
        RowMasker masker = MaskingProfile.parse(MaskingProfileTest.EXAMPLE)
                .orElseThrow()
                .bind(HEADER, KEYS, CLOCK)
                .orElseThrow();
        String[] row = {"1", "张三丰", "11010519491231002X", "13812345678", "zhang@example.cn", "1949-12-31", "VIP"};

        String[] masked = masker.maskRow(row);

        assertThat(masked[0]).isEqualTo("1");
        assertThat(masked[1]).isEqualTo("张**");
        assertThat(masked[2]).startsWith("1101051949").isNotEqualTo(row[2]);
        assertThat(CheckCharacters.isValidIdNumber(masked[2])).isTrue();
        assertThat(masked[3]).isEqualTo("138****5678");
        assertThat(masked[4]).isEqualTo("*****@example.cn");
        assertThat(masked[5]).isEqualTo("1949");
        assertThat(masked[6]).isEmpty();
        assertThat(row[1]).isEqualTo("张三丰");
        assertThat(masker.maskedColumns()).containsExactly("姓名", "身份证号", "手机号", "邮箱", "出生日期", "备注");
    }

    @Test
    void masksInPlaceAndToleratesShortRows() {
        RowMasker masker = MaskingProfile.parse("columns:\n  姓名: {algorithm: keep, first: 1}\n  备注: suppress\n")
                .orElseThrow()
                .bind(HEADER, MaskingKeys.none(), CLOCK)
                .orElseThrow();
        String[] row = {"1", "李四", null};

        masker.maskInPlace(row);

        assertThat(row).containsExactly("1", "李*", null);
    }

    @Test
    void failsForColumnsNotInTheHeader() {
        Result<RowMasker> result =
                MaskingProfile.parse(MaskingProfileTest.EXAMPLE).orElseThrow().bind(List.of("姓名", "手机号"), KEYS, CLOCK);

        assertThat(result.problem().code()).isEqualTo("unknown-masking-column");
        assertThat(result.problem().detail())
                .isEqualTo("the masking profile names columns not in the header: 身份证号, 邮箱, 出生日期, 备注;"
                        + " the header is [姓名, 手机号]");
    }

    @Test
    void failsForAKeyThatWasNotGiven() {
        Result<RowMasker> result = MaskingProfile.parse(MaskingProfileTest.EXAMPLE)
                .orElseThrow()
                .bind(HEADER, MaskingKeys.of("other", new byte[16]), CLOCK);

        assertThat(result.problem().code()).isEqualTo("unknown-masking-key");
        assertThat(result.problem().detail())
                .isEqualTo("columns.身份证号.key: no masking key named \"default\"; the keys given are [other]");
    }

    @Test
    void keepsPseudonymsJoinableAcrossColumnsAndTables() {
        String yaml = "columns:\n  手机号: {algorithm: hash, key: default, length: 16}\n";
        RowMasker one = MaskingProfile.parse(yaml)
                .orElseThrow()
                .bind(List.of("手机号"), KEYS)
                .orElseThrow();
        RowMasker two = MaskingProfile.parse(yaml)
                .orElseThrow()
                .bind(List.of("x", "手机号"), KEYS)
                .orElseThrow();

        assertThat(one.maskRow(new String[] {"13812345678"})[0])
                .hasSize(16)
                .isEqualTo(two.maskRow(new String[] {"x", "13812345678"})[1]);
    }

    @Test
    void countsAgesOnTheDayOfTheClock() {
        RowMasker masker = MaskingProfile.parse("columns:\n  出生日期: age-band\n")
                .orElseThrow()
                .bind(HEADER, MaskingKeys.none(), CLOCK)
                .orElseThrow();

        assertThat(masker.maskRow(new String[] {"1", "", "", "", "", "1986-12-01", ""})[5])
                .isEqualTo("40-49");
    }
}
