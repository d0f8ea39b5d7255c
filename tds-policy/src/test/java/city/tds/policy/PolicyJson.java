package city.tds.policy;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.core.Result;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Policy documents and expectations shared by the tests. */
final class PolicyJson {

    static final ObjectMapper JSON = new ObjectMapper();
    static final PolicyReader READER = new PolicyReader();
    static final PolicyWriter WRITER = new PolicyWriter();

    private PolicyJson() {}

    /** An offer whose only permission (to use) has the given constraints (JSON objects, comma-separated). */
    static String withConstraints(String constraints) {
        return """
                {
                  "@context": "http://www.w3.org/ns/odrl.jsonld",
                  "@type": "Offer",
                  "uid": "urn:tds:policy:test",
                  "permission": [{ "action": "use", "constraint": [%s] }]
                }
                """.formatted(constraints);
    }

    /** An offer whose permission carries a compensate duty with the given constraints. */
    static String withCompensateConstraints(String constraints) {
        return """
                {
                  "@context": "http://www.w3.org/ns/odrl.jsonld",
                  "@type": "Offer",
                  "permission": [{
                    "action": "use",
                    "duty": [{ "action": "compensate", "constraint": [%s] }]
                  }]
                }
                """.formatted(constraints);
    }

    /** An offer with the given extra top-level members and permission members. */
    static String offer(String policyMembers, String permissionMembers) {
        return """
                {
                  "@context": "http://www.w3.org/ns/odrl.jsonld",
                  "@type": "Offer",
                  %s
                  "permission": [{ %s "action": "use" }]
                }
                """.formatted(policyMembers, permissionMembers);
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = PolicyJson.class.getResourceAsStream("/policies/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Policy read(String json) {
        Result<Policy> result = READER.read(json);
        assertThat(result.isOk())
                .as(() -> result.isOk() ? "" : result.problem().toString())
                .isTrue();
        return result.value();
    }

    /** The seed's example: a bank may use tax and social-security data only for credit risk (信贷风控), etc. */
    static Policy creditRiskOffer() {
        Rule use = Policies.permission(
                Action.USE,
                List.of(
                        Policies.purposeIs("tds:purpose/credit-risk"),
                        Policies.usesAtMost(1000),
                        Policies.usableFor(Duration.ofDays(90)),
                        Policies.deliveredVia(DeliveryMode.SANDBOX, DeliveryMode.PRIVACY_COMPUTING),
                        Policies.recipientIndustryIs("金融业")),
                List.of(Policies.deleteWithin(Duration.ofDays(30)), Policies.compensate(new BigDecimal("0.5"), "CNY")));
        return Policies.offer(
                "urn:tds:policy:tax-social-security-credit-risk",
                "urn:tds:participant:city-tax-bureau",
                "urn:tds:product:tax-and-social-security",
                List.of(use),
                List.of(Policies.prohibition(Action.DISTRIBUTE)));
    }
}
