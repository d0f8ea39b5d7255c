package city.tds.dataplane.received;

/** Where a consumer's copy is in its life. */
public enum CopyState {
    /** Data is arriving (or the transfer was interrupted and resumes from what arrived). */
    RECEIVING,
    /** All data arrived and its checksum matches the provider's: it can be read under the agreement. */
    COMPLETE,
    /** The data could not be received whole (the checksum differs, the source failed, the disk is full). */
    FAILED,
    /** Deleted under the agreement's duty: the file is gone and its key destroyed. */
    DELETED;

    public boolean isFinal() {
        return this == FAILED || this == DELETED;
    }
}
