package city.tds.protocol.negotiation;

import java.time.Instant;
import java.util.Objects;

/** An agreement ended by one of its parties ({@code terminatedBy}) before its time, and why. */
public record AgreementTermination(String agreementId, String terminatedBy, String reason, Instant at) {

    public AgreementTermination {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(terminatedBy, "terminatedBy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
