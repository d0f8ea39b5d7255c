package city.tds.policy;

import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code leftOperand operator rightOperand}, e.g. {@code odrl:count lteq 1000}. The operator must be one the operand
 * {@linkplain LeftOperand#allows(Operator) allows}, the right operand of the operand's {@linkplain
 * LeftOperand#valueType() type}, single-valued unless the operator {@linkplain Operator#takesSet() takes a set}.
 *
 * @param unit the currency of an {@link LeftOperand#PAY_AMOUNT} (an ISO 4217 code such as {@code CNY}, or an IRI);
 *     required there and {@code null} for every other operand
 */
public record AtomicConstraint(LeftOperand leftOperand, Operator operator, RightOperand rightOperand, String unit)
        implements Constraint {

    private static final Pattern IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");

    public AtomicConstraint {
        Objects.requireNonNull(leftOperand, "leftOperand");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(rightOperand, "rightOperand");
        if (!leftOperand.allows(operator)) {
            throw new IllegalArgumentException(leftOperand.operatorRefusal(operator));
        }
        if (rightOperand.valueType() != leftOperand.valueType()) {
            throw new IllegalArgumentException(leftOperand.term() + " takes "
                    + leftOperand.valueType().description() + "; got " + rightOperand.valueType());
        }
        if (!operator.takesSet() && rightOperand.size() != 1) {
            throw new IllegalArgumentException(
                    operator.localName() + " takes a single value; got " + rightOperand.size());
        }
        if (leftOperand.takesUnit()) {
            String refusal = unitRefusal(unit);
            if (refusal != null) {
                throw new IllegalArgumentException(refusal);
            }
        } else if (unit != null) {
            throw new IllegalArgumentException("only odrl:payAmount takes a unit; " + leftOperand.term() + " does not");
        }
    }

    public AtomicConstraint(LeftOperand leftOperand, Operator operator, RightOperand rightOperand) {
        this(leftOperand, operator, rightOperand, null);
    }

    /** Why {@code unit} is not a valid currency unit, or {@code null} when it is. */
    static String unitRefusal(String unit) {
        if (unit == null || unit.isBlank()) {
            return "odrl:payAmount needs a unit: an ISO 4217 currency code such as CNY, or a currency IRI";
        }
        if (unit.length() == 3) {
            try {
                Currency.getInstance(unit);
                return null;
            } catch (IllegalArgumentException e) {
                return "'" + unit + "' is not an ISO 4217 currency code";
            }
        }
        if (IRI.matcher(unit).matches()) {
            return null;
        }
        return "a unit is an ISO 4217 currency code such as CNY, or a currency IRI; got '" + unit + "'";
    }

    @Override
    public int depth() {
        return 1;
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public boolean mentions(LeftOperand operand) {
        return leftOperand == operand;
    }
}
