package city.tds.governance.detect;

import static city.tds.governance.detect.SensitiveKind.ADDRESS;
import static city.tds.governance.detect.SensitiveKind.BANK_CARD;
import static city.tds.governance.detect.SensitiveKind.CREDIT_CODE;
import static city.tds.governance.detect.SensitiveKind.EMAIL;
import static city.tds.governance.detect.SensitiveKind.IP_ADDRESS;
import static city.tds.governance.detect.SensitiveKind.LANDLINE;
import static city.tds.governance.detect.SensitiveKind.LICENCE_PLATE;
import static city.tds.governance.detect.SensitiveKind.MOBILE;
import static city.tds.governance.detect.SensitiveKind.PERSON_NAME;
import static city.tds.governance.detect.SensitiveKind.RESIDENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnNameHintsTest {

    @Test
    void chineseNames() {
        assertThat(ColumnNameHints.suggest("身份证号")).containsExactly(RESIDENT_ID);
        assertThat(ColumnNameHints.suggest("证件号码")).containsExactly(RESIDENT_ID);
        assertThat(ColumnNameHints.suggest("手机号")).containsExactly(MOBILE);
        assertThat(ColumnNameHints.suggest("联系电话")).containsExactlyInAnyOrder(MOBILE, LANDLINE);
        assertThat(ColumnNameHints.suggest("统一社会信用代码")).containsExactly(CREDIT_CODE);
        assertThat(ColumnNameHints.suggest("银行卡号")).containsExactly(BANK_CARD);
        assertThat(ColumnNameHints.suggest("邮箱")).containsExactly(EMAIL);
        assertThat(ColumnNameHints.suggest("登录IP地址")).containsExactly(IP_ADDRESS);
        assertThat(ColumnNameHints.suggest("车牌号")).containsExactly(LICENCE_PLATE);
        assertThat(ColumnNameHints.suggest("姓名")).containsExactly(PERSON_NAME);
        assertThat(ColumnNameHints.suggest("家庭住址")).containsExactly(ADDRESS);
        assertThat(ColumnNameHints.suggest("邮件地址")).containsExactly(EMAIL);
    }

    @Test
    void englishAndPinyinNames() {
        assertThat(ColumnNameHints.suggest("id_card")).containsExactly(RESIDENT_ID);
        assertThat(ColumnNameHints.suggest("idCardNo")).containsExactly(RESIDENT_ID);
        assertThat(ColumnNameHints.suggest("SFZH")).containsExactly(RESIDENT_ID);
        assertThat(ColumnNameHints.suggest("mobilePhone")).contains(MOBILE);
        assertThat(ColumnNameHints.suggest("phone")).containsExactlyInAnyOrder(MOBILE, LANDLINE);
        assertThat(ColumnNameHints.suggest("uscc")).containsExactly(CREDIT_CODE);
        assertThat(ColumnNameHints.suggest("card_no")).containsExactly(BANK_CARD);
        assertThat(ColumnNameHints.suggest("EMAIL_ADDRESS")).containsExactly(EMAIL);
        assertThat(ColumnNameHints.suggest("client_ip")).containsExactly(IP_ADDRESS);
        assertThat(ColumnNameHints.suggest("plate")).containsExactly(LICENCE_PLATE);
        assertThat(ColumnNameHints.suggest("name")).containsExactly(PERSON_NAME);
        assertThat(ColumnNameHints.suggest("customer_name")).containsExactly(PERSON_NAME);
        assertThat(ColumnNameHints.suggest("home_address")).containsExactly(ADDRESS);
    }

    @Test
    void unrelatedNamesSuggestNothing() {
        assertThat(ColumnNameHints.suggest("company_name")).isEmpty();
        assertThat(ColumnNameHints.suggest("product_name")).isEmpty();
        assertThat(ColumnNameHints.suggest("ship_date")).isEmpty();
        assertThat(ColumnNameHints.suggest("amount")).isEmpty();
        assertThat(ColumnNameHints.suggest(null)).isEmpty();
        assertThat(ColumnNameHints.suggest("")).isEmpty();
    }
}
