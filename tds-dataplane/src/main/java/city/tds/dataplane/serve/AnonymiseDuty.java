package city.tds.dataplane.serve;

import city.tds.policy.Action;
import city.tds.policy.Duty;
import city.tds.policy.Policy;
import city.tds.policy.Rule;

/**
 * Whether an agreement's policy requires its data to be anonymised before delivery: a duty with action {@code
 * anonymize}, on a permission or as an obligation. The provider fulfils it by masking the data with the source's
 * masking profile as it serves it; data under such a duty is never delivered unmasked.
 */
public final class AnonymiseDuty {

    private AnonymiseDuty() {}

    public static boolean in(Policy policy) {
        return policy.obligations().stream().anyMatch(AnonymiseDuty::anonymises)
                || policy.permissions().stream()
                        .map(Rule::duties)
                        .anyMatch(duties -> duties.stream().anyMatch(AnonymiseDuty::anonymises));
    }

    private static boolean anonymises(Duty duty) {
        return duty.action() == Action.ANONYMIZE;
    }
}
