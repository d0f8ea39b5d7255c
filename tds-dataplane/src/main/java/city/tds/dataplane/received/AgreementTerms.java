package city.tds.dataplane.received;

import city.tds.policy.Policy;
import java.time.Instant;
import java.util.Optional;

/** What the consumer's connector knows of its agreements, to enforce them on its copies. */
public interface AgreementTerms {

    /**
     * @param agreedAt when the agreement was made (the start of {@code odrl:elapsedTime})
     * @param ended why the agreement no longer holds (terminated), or null while it does
     */
    record Terms(String agreementId, String providerId, Policy policy, Instant agreedAt, String ended) {}

    Optional<Terms> of(String agreementId);
}
