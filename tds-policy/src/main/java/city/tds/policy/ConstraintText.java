package city.tds.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A constraint as one line of text, e.g. {@code odrl:purpose isAnyOf [tds:purpose/credit-risk, tds:purpose/kyc]}. */
final class ConstraintText {

    private ConstraintText() {}

    static String of(AtomicConstraint constraint) {
        String text = constraint.leftOperand().term() + " "
                + constraint.operator().localName() + " " + values(constraint.operator(), constraint.rightOperand());
        return constraint.unit() == null ? text : text + " " + constraint.unit();
    }

    private static String values(Operator operator, RightOperand value) {
        List<String> values;
        if (value instanceof RightOperand.TextValues text) {
            values = text.values();
        } else if (value instanceof RightOperand.RegionValues regions) {
            values = regions.codes().stream().map(RegionCode::code).toList();
        } else if (value instanceof RightOperand.DeliveryModeValues modes) {
            values = modes.modes().stream().map(DeliveryMode::term).toList();
        } else if (value instanceof RightOperand.InstantValue instant) {
            values = List.of(instant.value().toString());
        } else if (value instanceof RightOperand.DurationValue duration) {
            values = List.of(Durations.format(duration.value()));
        } else if (value instanceof RightOperand.IntegerValue integer) {
            values = List.of(Long.toString(integer.value()));
        } else {
            values = List.of(((RightOperand.DecimalValue) value).value().toPlainString());
        }
        return operator.takesSet() ? values.stream().collect(Collectors.joining(", ", "[", "]")) : values.get(0);
    }
}
