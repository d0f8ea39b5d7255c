package city.tds.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VocabularyTest {

    @Test
    void deliveryModesHaveTdsIrisTermsAndChineseLabels() {
        assertThat(DeliveryMode.SANDBOX.iri()).isEqualTo("https://tds.city/ns/policy#sandbox");
        assertThat(DeliveryMode.SANDBOX.term()).isEqualTo("tds:sandbox");
        assertThat(DeliveryMode.SANDBOX.label()).isEqualTo("数据沙箱");
        assertThat(DeliveryMode.FILE_TRANSFER.label()).isEqualTo("文件传输");
        assertThat(DeliveryMode.API.label()).isEqualTo("接口调用");
        assertThat(DeliveryMode.PRIVACY_COMPUTING.label()).isEqualTo("隐私计算");
    }

    @ParameterizedTest
    @CsvSource({
        "tds:sandbox,SANDBOX",
        "https://tds.city/ns/policy#privacyComputing,PRIVACY_COMPUTING",
        "FILE_TRANSFER,FILE_TRANSFER",
        "privacy_computing,PRIVACY_COMPUTING",
        "Api,API",
        "sandbox,SANDBOX"
    })
    void deliveryModesAreFoundByTermIriOrName(String text, DeliveryMode expected) {
        assertThat(DeliveryMode.fromTerm(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tds:email", "odrl:sandbox", ""})
    void unknownDeliveryModesAreEmpty(String text) {
        assertThat(DeliveryMode.fromTerm(text)).isEmpty();
    }

    @Test
    void actionsCarryOdrlIrisAndKnowTheDutyActions() {
        assertThat(Action.USE.iri()).isEqualTo("http://www.w3.org/ns/odrl/2/use");
        assertThat(Action.COMPENSATE.term()).isEqualTo("odrl:compensate");
        assertThat(Action.fromTerm("http://www.w3.org/ns/odrl/2/distribute")).contains(Action.DISTRIBUTE);
        assertThat(Arrays.stream(Action.values()).filter(Action::isDutyAction))
                .containsExactlyInAnyOrder(
                        Action.DELETE, Action.INFORM, Action.ANONYMIZE, Action.ATTRIBUTE, Action.COMPENSATE);
    }

    @Test
    void leftOperandsKnowTheirNamespaceAndOperators() {
        assertThat(LeftOperand.PURPOSE.iri()).isEqualTo("http://www.w3.org/ns/odrl/2/purpose");
        assertThat(LeftOperand.RECIPIENT_INDUSTRY.term()).isEqualTo("tds:recipientIndustry");
        assertThat(LeftOperand.RECIPIENT_INDUSTRY.iri()).isEqualTo("https://tds.city/ns/policy#recipientIndustry");
        assertThat(LeftOperand.fromTerm("deliveryChannel")).contains(LeftOperand.DELIVERY_CHANNEL);
        assertThat(LeftOperand.fromTerm("odrl:recipientIndustry")).isEmpty();
        assertThat(LeftOperand.SPATIAL.allowedOperators())
                .containsExactly(Operator.EQ, Operator.IS_ANY_OF, Operator.IS_NONE_OF, Operator.IS_PART_OF);
        assertThat(LeftOperand.PAY_AMOUNT.allowedOperators()).containsExactly(Operator.EQ, Operator.LTEQ);
    }

    @Test
    void policyTypesAndOperatorsResolveFromEverySpelling() {
        assertThat(PolicyType.fromTerm("odrl:Agreement")).contains(PolicyType.AGREEMENT);
        assertThat(PolicyType.fromTerm("http://www.w3.org/ns/odrl/2/Set")).contains(PolicyType.SET);
        assertThat(Operator.fromTerm("isPartOf")).contains(Operator.IS_PART_OF);
        assertThat(Operator.IS_NONE_OF.takesSet()).isTrue();
        assertThat(Operator.LTEQ.takesSet()).isFalse();
    }
}
