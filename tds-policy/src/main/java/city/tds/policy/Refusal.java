package city.tds.policy;

import java.util.Objects;

/**
 * Why a rule did not permit a use, or why a prohibition applied.
 *
 * @param location a JSON pointer into the policy in its written form ({@link PolicyWriter}): the rule ({@code
 *     /permission/0}, {@code /prohibition/1}), the failed constraint ({@code /permission/0/constraint/2}, {@code
 *     /permission/0/constraint/1/or/0}), or {@code ""} for the whole policy
 * @param constraint the constraint as text, e.g. {@code odrl:purpose isAnyOf [tds:purpose/credit-risk]}; {@code null}
 *     when the reason is not a constraint
 * @param reason what about the request made it fail, e.g. {@code the request's purpose is tds:purpose/marketing}
 */
public record Refusal(String location, String constraint, String reason) {

    public Refusal {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code location: constraint: reason}. */
    public String message() {
        StringBuilder text = new StringBuilder();
        if (!location.isEmpty()) {
            text.append(location).append(": ");
        }
        if (constraint != null) {
            text.append(constraint).append(" does not hold, ");
        }
        return text.append(reason).toString();
    }
}
