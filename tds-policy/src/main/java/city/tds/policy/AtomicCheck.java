package city.tds.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A compiled {@link AtomicConstraint}: the right operand turned into the form the test needs (a hash set, an enum
 * set, an instant), so that a test costs a field read and a comparison or a lookup.
 */
abstract class AtomicCheck implements Check {
    private final String location;
    private final String text;
    private final LeftOperand operand;

    AtomicCheck(String location, AtomicConstraint constraint) {
        this.location = location;
        this.text = ConstraintText.of(constraint);
        this.operand = constraint.leftOperand();
    }

    /** The request's fact as text, or {@code null} when the request does not state it. */
    abstract String actual(UsageRequest request);

    @Override
    public final void explain(UsageRequest request, List<Refusal> refusals, Set<LeftOperand> missing) {
        int value = test(request);
        if (value == UNKNOWN) {
            missing.add(operand);
            refusals.add(new Refusal(location, text, "the request does not state " + name()));
        } else if (value == FALSE) {
            refusals.add(new Refusal(location, text, "the request's " + name() + " is " + actual(request)));
        }
    }

    private String name() {
        return operand.label() + " (" + operand.term() + ")";
    }

    static int truth(boolean holds) {
        return holds ? TRUE : FALSE;
    }

    /** Text facts: purpose, recipient, industry, organisation type, zone. */
    static final class Text extends AtomicCheck {
        private final Function<UsageRequest, String> fact;
        private final Set<String> values;
        private final boolean member;

        Text(String location, AtomicConstraint constraint, Function<UsageRequest, String> fact) {
            super(location, constraint);
            this.fact = fact;
            this.values = Set.copyOf(((RightOperand.TextValues) constraint.rightOperand()).values());
            this.member = switch (constraint.operator()) {
                case EQ, IS_ANY_OF -> true;
                case NEQ, IS_NONE_OF -> false;
                default -> throw new IllegalArgumentException(constraint.operator() + " on text");
            };
        }

        @Override
        public int test(UsageRequest request) {
            String value = fact.apply(request);
            return value == null ? UNKNOWN : truth(values.contains(value) == member);
        }

        @Override
        String actual(UsageRequest request) {
            return fact.apply(request);
        }
    }

    /** The recipient's roles: holds when any role is admitted ({@code eq}, {@code isAnyOf}) or none is excluded. */
    static final class Roles extends AtomicCheck {
        private final Set<String> values;
        private final boolean member;

        Roles(String location, AtomicConstraint constraint) {
            super(location, constraint);
            this.values = Set.copyOf(((RightOperand.TextValues) constraint.rightOperand()).values());
            this.member = switch (constraint.operator()) {
                case EQ, IS_ANY_OF -> true;
                case NEQ, IS_NONE_OF -> false;
                default -> throw new IllegalArgumentException(constraint.operator() + " on roles");
            };
        }

        @Override
        public int test(UsageRequest request) {
            Set<String> roles = request.recipientRoles();
            if (roles == null) {
                return UNKNOWN;
            }
            for (String role : roles) {
                if (values.contains(role)) {
                    return truth(member);
                }
            }
            return truth(!member);
        }

        @Override
        String actual(UsageRequest request) {
            return request.recipientRoles() == null
                    ? null
                    : request.recipientRoles().stream().sorted().toList().toString();
        }
    }

    /** {@code odrl:dateTime}: the time of the use against an instant. */
    static final class DateTime extends AtomicCheck {
        private final Operator operator;
        private final Instant bound;

        DateTime(String location, AtomicConstraint constraint) {
            super(location, constraint);
            this.operator = constraint.operator();
            this.bound = ((RightOperand.InstantValue) constraint.rightOperand()).value();
        }

        @Override
        public int test(UsageRequest request) {
            return truth(compares(operator, request.at().compareTo(bound)));
        }

        @Override
        String actual(UsageRequest request) {
            return request.at().toString();
        }
    }

    /** {@code odrl:elapsedTime}: time since the first use or the agreement against a duration. */
    static final class Elapsed extends AtomicCheck {
        private final Operator operator;
        private final Duration bound;

        Elapsed(String location, AtomicConstraint constraint) {
            super(location, constraint);
            this.operator = constraint.operator();
            this.bound = ((RightOperand.DurationValue) constraint.rightOperand()).value();
        }

        @Override
        public int test(UsageRequest request) {
            Duration elapsed = request.elapsed();
            return elapsed == null ? UNKNOWN : truth(compares(operator, elapsed.compareTo(bound)));
        }

        @Override
        String actual(UsageRequest request) {
            return request.elapsed() == null ? null : Durations.format(request.elapsed());
        }
    }

    /** {@code odrl:count}: the number this use would have ({@code priorUses + 1}) against a count. */
    static final class Count extends AtomicCheck {
        private final Operator operator;
        private final long bound;

        Count(String location, AtomicConstraint constraint) {
            super(location, constraint);
            this.operator = constraint.operator();
            this.bound = ((RightOperand.IntegerValue) constraint.rightOperand()).value();
        }

        @Override
        public int test(UsageRequest request) {
            long prior = request.priorUses();
            return prior < 0 ? UNKNOWN : truth(compares(operator, Long.compare(prior + 1, bound)));
        }

        @Override
        String actual(UsageRequest request) {
            return "use number " + (request.priorUses() + 1);
        }
    }

    /**
     * {@code odrl:spatial}: {@code eq} and {@code isAnyOf} match region codes exactly, {@code isPartOf} holds when the
     * place lies within one of the regions, and {@code isNoneOf} when it lies within none of them (so excluding a
     * province excludes its cities and counties).
     */
    static final class Spatial extends AtomicCheck {
        private final Operator operator;
        private final RegionCode[] regions;

        Spatial(String location, AtomicConstraint constraint) {
            super(location, constraint);
            this.operator = constraint.operator();
            this.regions = ((RightOperand.RegionValues) constraint.rightOperand())
                    .codes()
                    .toArray(RegionCode[]::new);
        }

        @Override
        public int test(UsageRequest request) {
            RegionCode place = request.place();
            if (place == null) {
                return UNKNOWN;
            }
            for (RegionCode region : regions) {
                boolean match = operator == Operator.EQ || operator == Operator.IS_ANY_OF
                        ? region.equals(place)
                        : region.contains(place);
                if (match) {
                    return truth(operator != Operator.IS_NONE_OF);
                }
            }
            return truth(operator == Operator.IS_NONE_OF);
        }

        @Override
        String actual(UsageRequest request) {
            return request.place() == null ? null : request.place().code();
        }
    }

    /** {@code odrl:deliveryChannel}: the delivery mode against a set of modes. */
    static final class Channel extends AtomicCheck {
        private final EnumSet<DeliveryMode> modes;
        private final boolean member;

        Channel(String location, AtomicConstraint constraint) {
            super(location, constraint);
            this.modes = EnumSet.copyOf(((RightOperand.DeliveryModeValues) constraint.rightOperand()).modes());
            this.member = constraint.operator() != Operator.IS_NONE_OF;
        }

        @Override
        public int test(UsageRequest request) {
            DeliveryMode channel = request.channel();
            return channel == null ? UNKNOWN : truth(modes.contains(channel) == member);
        }

        @Override
        String actual(UsageRequest request) {
            return request.channel() == null ? null : request.channel().term();
        }
    }

    /** Whether {@code comparison} (the fact compared with the bound) satisfies an ordering operator. */
    static boolean compares(Operator operator, int comparison) {
        return switch (operator) {
            case EQ -> comparison == 0;
            case NEQ -> comparison != 0;
            case LT -> comparison < 0;
            case LTEQ -> comparison <= 0;
            case GT -> comparison > 0;
            case GTEQ -> comparison >= 0;
            default -> throw new IllegalArgumentException(operator + " is not an ordering");
        };
    }
}
