package city.tds.core.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user or machine may do. Operator roles follow separation of duties (三员分立): the system, security and audit
 * administrators are distinct people (nobody holds two of the three), and no role can alter or delete evidence.
 */
public enum Role {
    /** 系统管理员: operator accounts and system operation. */
    SYSTEM_ADMIN,
    /** 安全管理员: trust list, credential revocation, account unlocks. */
    SECURITY_ADMIN,
    /** 审计管理员: reads evidence and every record; changes nothing. */
    AUDIT_ADMIN,
    /** 入驻审核员: reviews onboarding applications, suspends and reinstates participants. */
    ONBOARDING_REVIEWER,
    /** 上架审核员: reviews product listings. */
    LISTING_REVIEWER,
    /** A participant's administrator: its users and connector keys. */
    PARTICIPANT_ADMIN,
    /** A participant's member. */
    PARTICIPANT_MEMBER,
    /** A participant's connector, authenticated with its own key. */
    CONNECTOR;

    /** The three administrator roles of which one person may hold at most one. */
    public static final Set<Role> SEPARATED = EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN);

    /** Roles of the space operator's staff. */
    public static final Set<Role> OPERATOR =
            EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN, ONBOARDING_REVIEWER, LISTING_REVIEWER);

    /** Roles of a participant's people and machines. */
    public static final Set<Role> PARTICIPANT = EnumSet.of(PARTICIPANT_ADMIN, PARTICIPANT_MEMBER, CONNECTOR);

    public boolean isOperator() {
        return OPERATOR.contains(this);
    }
}
