package city.tds.dataplane.usage;

/**
 * Where a consumer's connector reports each read of a copy to the copy's provider (an agreement's duty to report
 * usage). Called inside the read's unit of work, so that a report is sent if and only if the read was counted.
 */
@FunctionalInterface
public interface UsageReports {

    /** Read {@code read}, use number {@code use} of copy {@code copyId}, was counted; {@code reportId} names the report. */
    void read(String reportId, String copyId, long use, UsageEvent read);

    /** No reports (a data plane without a protocol). */
    UsageReports NONE = (reportId, copyId, use, read) -> {};
}
