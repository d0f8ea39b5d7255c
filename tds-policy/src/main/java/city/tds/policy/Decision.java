package city.tds.policy;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a {@link CompiledPolicy} says about a {@link UsageRequest}: permitted (with the duties taken on), denied (with
 * the constraints that failed), or undetermined because the request left out facts a constraint needs.
 */
public sealed interface Decision {

    /** Whether the use is permitted. */
    boolean permitted();

    /** Whether the use could be permitted: permitted, or undetermined until the missing facts are known. */
    default boolean possible() {
        return !(this instanceof Denied);
    }

    /** One line saying what was decided and why, for logs, evidence and error bodies. */
    String explanation();

    /**
     * The use is permitted by the permission at {@code permission} (a JSON pointer into the policy in its written
     * form, e.g. {@code /permission/0}); the recipient takes on that permission's duties and the policy's obligations.
     */
    record Permitted(String permission, List<Duty> duties) implements Decision {
        public Permitted {
            Objects.requireNonNull(permission, "permission");
            duties = List.copyOf(duties);
        }

        @Override
        public boolean permitted() {
            return true;
        }

        @Override
        public String explanation() {
            return "permitted by " + permission
                    + (duties.isEmpty()
                            ? ""
                            : " with duties "
                                    + duties.stream()
                                            .map(d -> d.action().term())
                                            .collect(Collectors.joining(", ")));
        }
    }

    /** The use is denied; {@code refusals} name each failed constraint or applying prohibition, at least one. */
    record Denied(List<Refusal> refusals) implements Decision {
        public Denied {
            refusals = List.copyOf(refusals);
            if (refusals.isEmpty()) {
                throw new IllegalArgumentException("a denial names at least one reason");
            }
        }

        @Override
        public boolean permitted() {
            return false;
        }

        @Override
        public String explanation() {
            return "denied: " + refusals.stream().map(Refusal::message).collect(Collectors.joining("; "));
        }
    }

    /**
     * The request does not state facts that some constraint needs ({@code missing}); with them the use could be
     * permitted. {@code refusals} name the constraints waiting on them.
     */
    record Undetermined(Set<LeftOperand> missing, List<Refusal> refusals) implements Decision {
        public Undetermined {
            missing = Set.copyOf(missing);
            refusals = List.copyOf(refusals);
            if (missing.isEmpty()) {
                throw new IllegalArgumentException("an undetermined decision names what is missing");
            }
        }

        @Override
        public boolean permitted() {
            return false;
        }

        @Override
        public String explanation() {
            return "undetermined: " + refusals.stream().map(Refusal::message).collect(Collectors.joining("; "));
        }
    }
}
