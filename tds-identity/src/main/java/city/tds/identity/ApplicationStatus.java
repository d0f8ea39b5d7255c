package city.tds.identity;

import java.util.EnumSet;
import java.util.Set;

/** Where an onboarding application stands. */
public enum ApplicationStatus {
    SUBMITTED,
    MORE_INFO_REQUESTED,
    APPROVED,
    REJECTED;

    /** The decisions a reviewer may take from here. */
    public Set<Decision> allowedDecisions() {
        return this == SUBMITTED ? EnumSet.allOf(Decision.class) : EnumSet.noneOf(Decision.class);
    }

    public boolean open() {
        return this == SUBMITTED || this == MORE_INFO_REQUESTED;
    }

    /** A reviewer's decision. */
    public enum Decision {
        APPROVE,
        REJECT,
        REQUEST_INFO
    }
}
