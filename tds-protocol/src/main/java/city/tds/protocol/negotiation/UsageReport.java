package city.tds.protocol.negotiation;

import java.time.Instant;
import java.util.Objects;

/**
 * A consumer's report to the provider of one use of data received under an agreement (TDS's extension, with the
 * agreement's termination): which use it was, for what purpose, of how much data, and when. {@code reportId} is the
 * consumer's, so that a retried message is recorded once.
 */
public record UsageReport(
        String reportId,
        String agreementId,
        String kind,
        String purpose,
        long use,
        long records,
        long bytes,
        Instant at) {

    public UsageReport {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}
