package city.tds.policy;

import java.util.Objects;

/**
 * One thing wrong with a policy document.
 *
 * @param path a JSON pointer to the offending member, e.g. {@code /permission/0/constraint/1}; empty for the whole
 *     document
 * @param construct what was refused, e.g. {@code odrl:industry}, {@code xone} or a member name
 * @param reason why, for a human reader
 */
public record PolicyProblem(String path, String construct, String reason) {

    public PolicyProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(construct, "construct");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code at <path>: <construct> — <reason>}. */
    public String describe() {
        return "at " + (path.isEmpty() ? "the top level" : path) + ": " + construct + " — " + reason;
    }
}
