package city.tds.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A policy compiled for evaluation: {@link #decide(UsageRequest)} answers whether one use is permitted. Compile once
 * per policy (when an offer is built or an agreement stored) and share: a compiled policy is immutable and
 * thread-safe, and a decision that permits allocates nothing.
 *
 * <p>Semantics: a rule applies to a request when its action {@linkplain Action#includes includes} the requested
 * action and all its constraints hold. A constraint on a fact the request leaves out is unknown, and a rule whose
 * outcome depends on it makes the decision {@link Decision.Undetermined}. With conflict strategy {@code perm} a
 * permission that applies wins; with {@code prohibit} a prohibition that applies wins; with {@code invalid} (ODRL's
 * default) a prohibition that applies denies, and a permission and a prohibition applying together are reported as
 * the conflict they are. The first applying permission (in document order) decides the duties: its own and the
 * policy's obligations.
 */
public final class CompiledPolicy {
    private final Policy policy;
    private final Action[] permissionActions;
    private final Check[] permissionChecks;
    private final Decision.Permitted[] permits;
    private final Action[] prohibitionActions;
    private final Check[] prohibitionChecks;
    private final boolean permitWins;

    private CompiledPolicy(Policy policy) {
        this.policy = policy;
        int permissions = policy.permissions().size();
        permissionActions = new Action[permissions];
        permissionChecks = new Check[permissions];
        permits = new Decision.Permitted[permissions];
        for (int i = 0; i < permissions; i++) {
            Rule rule = policy.permissions().get(i);
            String location = "/permission/" + i;
            permissionActions[i] = rule.action();
            permissionChecks[i] = compile(location, rule.constraints());
            List<Duty> duties = new ArrayList<>(rule.duties());
            duties.addAll(policy.obligations());
            permits[i] = new Decision.Permitted(location, duties);
        }
        int prohibitions = policy.prohibitions().size();
        prohibitionActions = new Action[prohibitions];
        prohibitionChecks = new Check[prohibitions];
        for (int i = 0; i < prohibitions; i++) {
            Rule rule = policy.prohibitions().get(i);
            prohibitionActions[i] = rule.action();
            prohibitionChecks[i] = compile("/prohibition/" + i, rule.constraints());
        }
        permitWins = policy.conflict() == ConflictStrategy.PERMIT;
    }

    /** Compiles {@code policy}; every policy the model admits compiles. */
    public static CompiledPolicy of(Policy policy) {
        return new CompiledPolicy(policy);
    }

    public Policy policy() {
        return policy;
    }

    /** Whether {@code request} is permitted, denied, or cannot be decided without more facts. */
    public Decision decide(UsageRequest request) {
        Action action = request.action();
        int permitted = Check.FALSE;
        int permitting = -1;
        for (int i = 0; i < permissionChecks.length; i++) {
            if (permissionActions[i].includes(action)) {
                int value = permissionChecks[i].test(request);
                if (value == Check.TRUE) {
                    permitted = value;
                    permitting = i;
                    break;
                }
                if (value == Check.UNKNOWN) {
                    permitted = value;
                }
            }
        }
        if (permitWins && permitted == Check.TRUE) {
            return permits[permitting];
        }
        int prohibited = permitWins ? Check.FALSE : prohibited(request);
        if (permitted == Check.TRUE && prohibited == Check.FALSE) {
            return permits[permitting];
        }
        if (permitted == Check.FALSE || prohibited == Check.TRUE) {
            return denial(request, permitted == Check.TRUE, prohibited == Check.TRUE);
        }
        return undetermined(request, permitted == Check.UNKNOWN);
    }

    private int prohibited(UsageRequest request) {
        int result = Check.FALSE;
        for (int i = 0; i < prohibitionChecks.length; i++) {
            if (prohibitionActions[i].includes(request.action())) {
                int value = prohibitionChecks[i].test(request);
                if (value == Check.TRUE) {
                    return value;
                }
                if (value == Check.UNKNOWN) {
                    result = value;
                }
            }
        }
        return result;
    }

    private Decision denial(UsageRequest request, boolean permissionApplies, boolean prohibitionApplies) {
        List<Refusal> refusals = new ArrayList<>();
        if (prohibitionApplies) {
            for (int i = 0; i < prohibitionChecks.length; i++) {
                if (prohibitionActions[i].includes(request.action())
                        && prohibitionChecks[i].test(request) == Check.TRUE) {
                    refusals.add(new Refusal(
                            "/prohibition/" + i,
                            null,
                            prohibitionActions[i].term() + " is prohibited"
                                    + (permissionApplies
                                            ? " while " + permits[firstPermitting(request)].permission()
                                                    + " permits it; the policy's conflict strategy is "
                                                    + policy.conflict().localName()
                                            : "")));
                }
            }
            return new Decision.Denied(refusals);
        }
        boolean anyCovers = false;
        for (int i = 0; i < permissionChecks.length; i++) {
            if (permissionActions[i].includes(request.action())) {
                anyCovers = true;
                permissionChecks[i].explain(request, refusals, EnumSet.noneOf(LeftOperand.class));
            }
        }
        if (!anyCovers) {
            refusals.add(new Refusal("", null, noPermissionFor(request.action())));
        }
        return new Decision.Denied(refusals);
    }

    private Decision undetermined(UsageRequest request, boolean permissionUnknown) {
        List<Refusal> refusals = new ArrayList<>();
        Set<LeftOperand> missing = EnumSet.noneOf(LeftOperand.class);
        if (permissionUnknown) {
            for (int i = 0; i < permissionChecks.length; i++) {
                if (permissionActions[i].includes(request.action())) {
                    permissionChecks[i].explain(request, refusals, missing);
                }
            }
        }
        for (int i = 0; i < prohibitionChecks.length; i++) {
            if (prohibitionActions[i].includes(request.action())
                    && prohibitionChecks[i].test(request) == Check.UNKNOWN) {
                prohibitionChecks[i].explain(request, refusals, missing);
            }
        }
        return new Decision.Undetermined(missing, refusals);
    }

    private int firstPermitting(UsageRequest request) {
        for (int i = 0; i < permissionChecks.length; i++) {
            if (permissionActions[i].includes(request.action()) && permissionChecks[i].test(request) == Check.TRUE) {
                return i;
            }
        }
        throw new IllegalStateException("no permission applies");
    }

    private String noPermissionFor(Action action) {
        String permitted = policy.permissions().stream()
                .map(rule -> rule.action().term())
                .distinct()
                .collect(Collectors.joining(", "));
        return "no permission covers " + action.term()
                + (permitted.isEmpty() ? "; the policy permits nothing" : "; it permits " + permitted);
    }

    private static Check compile(String location, List<Constraint> constraints) {
        if (constraints.isEmpty()) {
            return Check.ALWAYS;
        }
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < constraints.size(); i++) {
            checks.add(compile(location + "/constraint/" + i, constraints.get(i)));
        }
        return checks.size() == 1 ? checks.get(0) : new LogicalCheck(true, checks);
    }

    private static Check compile(String location, Constraint constraint) {
        if (constraint instanceof LogicalConstraint logical) {
            String prefix = location + "/" + logical.op().localName() + "/";
            List<Check> operands = new ArrayList<>();
            for (int i = 0; i < logical.operands().size(); i++) {
                operands.add(compile(prefix + i, logical.operands().get(i)));
            }
            return new LogicalCheck(logical.op() == LogicalOperator.AND, operands);
        }
        AtomicConstraint atomic = (AtomicConstraint) constraint;
        return switch (atomic.leftOperand()) {
            case PURPOSE -> text(location, atomic, UsageRequest::purpose);
            case RECIPIENT -> text(location, atomic, UsageRequest::recipient);
            case RECIPIENT_INDUSTRY -> text(location, atomic, UsageRequest::recipientIndustry);
            case RECIPIENT_ORGANIZATION_TYPE -> text(location, atomic, UsageRequest::recipientOrganizationType);
            case ZONE -> text(location, atomic, UsageRequest::zone);
            case RECIPIENT_ROLE -> new AtomicCheck.Roles(location, atomic);
            case DATE_TIME -> new AtomicCheck.DateTime(location, atomic);
            case ELAPSED_TIME -> new AtomicCheck.Elapsed(location, atomic);
            case COUNT -> new AtomicCheck.Count(location, atomic);
            case SPATIAL -> new AtomicCheck.Spatial(location, atomic);
            case DELIVERY_CHANNEL -> new AtomicCheck.Channel(location, atomic);
            case PAY_AMOUNT -> throw new IllegalStateException("odrl:payAmount belongs in a compensate duty");
        };
    }

    private static Check text(String location, AtomicConstraint atomic, Function<UsageRequest, String> fact) {
        return new AtomicCheck.Text(location, atomic, fact);
    }
}
