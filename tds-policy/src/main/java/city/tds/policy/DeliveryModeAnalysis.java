package city.tds.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Works out which delivery modes a policy's rules can admit; see {@link Policy#permittedDeliveryModes()}. */
final class DeliveryModeAnalysis {

    private DeliveryModeAnalysis() {}

    static Set<DeliveryMode> permitted(Policy policy) {
        EnumSet<DeliveryMode> permitted = EnumSet.noneOf(DeliveryMode.class);
        for (Rule permission : policy.permissions()) {
            EnumSet<DeliveryMode> modes = admittedBy(permission.constraints());
            if (policy.conflict() != ConflictStrategy.PERMIT) {
                for (Rule prohibition : policy.prohibitions()) {
                    if (prohibition.action().includes(permission.action())
                            && onlyAboutDeliveryChannel(prohibition.constraints())) {
                        modes.removeAll(admittedBy(prohibition.constraints()));
                    }
                }
            }
            permitted.addAll(modes);
        }
        return Collections.unmodifiableSet(permitted);
    }

    /** The modes for which all {@code constraints} can hold. */
    static EnumSet<DeliveryMode> admittedBy(List<Constraint> constraints) {
        EnumSet<DeliveryMode> modes = EnumSet.allOf(DeliveryMode.class);
        for (Constraint constraint : constraints) {
            modes.retainAll(admittedBy(constraint));
        }
        return modes;
    }

    private static EnumSet<DeliveryMode> admittedBy(Constraint constraint) {
        if (constraint instanceof LogicalConstraint logical) {
            if (logical.op() == LogicalOperator.AND) {
                return admittedBy(logical.operands());
            }
            EnumSet<DeliveryMode> any = EnumSet.noneOf(DeliveryMode.class);
            logical.operands().forEach(operand -> any.addAll(admittedBy(operand)));
            return any;
        }
        AtomicConstraint atomic = (AtomicConstraint) constraint;
        if (atomic.leftOperand() != LeftOperand.DELIVERY_CHANNEL) {
            return EnumSet.allOf(DeliveryMode.class);
        }
        Set<DeliveryMode> named = ((RightOperand.DeliveryModeValues) atomic.rightOperand()).modes();
        return switch (atomic.operator()) {
            case EQ, IS_ANY_OF -> EnumSet.copyOf(named);
            case IS_NONE_OF -> EnumSet.complementOf(EnumSet.copyOf(named));
            default -> throw new IllegalStateException("odrl:deliveryChannel does not take " + atomic.operator());
        };
    }

    private static boolean onlyAboutDeliveryChannel(List<Constraint> constraints) {
        return constraints.stream().allMatch(DeliveryModeAnalysis::onlyAboutDeliveryChannel);
    }

    private static boolean onlyAboutDeliveryChannel(Constraint constraint) {
        if (constraint instanceof LogicalConstraint logical) {
            return onlyAboutDeliveryChannel(logical.operands());
        }
        return ((AtomicConstraint) constraint).leftOperand() == LeftOperand.DELIVERY_CHANNEL;
    }
}
