package city.tds.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The typed value a constraint compares its left operand with. Set-valued variants ({@link TextValues},
 * {@link RegionValues}, {@link DeliveryModeValues}) hold one value for {@code eq}/{@code neq} and one or more for the
 * set operators; the others hold exactly one value.
 */
public sealed interface RightOperand {

    /** The type of value held, matching {@link LeftOperand#valueType()}. */
    ValueType valueType();

    /** How many values are held. */
    int size();

    /** Strings (purposes, participant identifiers, credential attributes, zones), without duplicates, in order. */
    record TextValues(List<String> values) implements RightOperand {
        public TextValues {
            values = distinct(values, "text values");
            for (String value : values) {
                if (value.isBlank()) {
                    throw new IllegalArgumentException("a text value must not be blank");
                }
            }
        }

        /** The single value; for {@code eq} and {@code neq}. */
        public String single() {
            return values.get(0);
        }

        @Override
        public ValueType valueType() {
            return ValueType.TEXT;
        }

        @Override
        public int size() {
            return values.size();
        }
    }

    /** GB/T 2260 region codes, without duplicates, in order. */
    record RegionValues(List<RegionCode> codes) implements RightOperand {
        public RegionValues {
            codes = distinct(codes, "region codes");
        }

        @Override
        public ValueType valueType() {
            return ValueType.REGION_CODE;
        }

        @Override
        public int size() {
            return codes.size();
        }
    }

    /** Delivery modes; iteration follows the enum's order. */
    record DeliveryModeValues(Set<DeliveryMode> modes) implements RightOperand {
        public DeliveryModeValues {
            Objects.requireNonNull(modes, "modes");
            if (modes.isEmpty()) {
                throw new IllegalArgumentException("delivery modes must not be empty");
            }
            modes = Collections.unmodifiableSet(EnumSet.copyOf(modes));
        }

        @Override
        public ValueType valueType() {
            return ValueType.DELIVERY_MODE;
        }

        @Override
        public int size() {
            return modes.size();
        }
    }

    /** A point in time. */
    record InstantValue(Instant value) implements RightOperand {
        public InstantValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public ValueType valueType() {
            return ValueType.DATE_TIME;
        }

        @Override
        public int size() {
            return 1;
        }
    }

    /** A non-negative, fixed-length duration. */
    record DurationValue(Duration value) implements RightOperand {
        public DurationValue {
            Objects.requireNonNull(value, "value");
            if (value.isNegative()) {
                throw new IllegalArgumentException("a duration must not be negative; got " + value);
            }
        }

        @Override
        public ValueType valueType() {
            return ValueType.DURATION;
        }

        @Override
        public int size() {
            return 1;
        }
    }

    /** A non-negative integer. */
    record IntegerValue(long value) implements RightOperand {
        public IntegerValue {
            if (value < 0) {
                throw new IllegalArgumentException("an integer value must not be negative; got " + value);
            }
        }

        @Override
        public ValueType valueType() {
            return ValueType.NON_NEGATIVE_INTEGER;
        }

        @Override
        public int size() {
            return 1;
        }
    }

    /** A non-negative decimal, kept without trailing zeros so that {@code 0.50} equals {@code 0.5}. */
    record DecimalValue(BigDecimal value) implements RightOperand {
        public DecimalValue {
            Objects.requireNonNull(value, "value");
            if (value.signum() < 0) {
                throw new IllegalArgumentException("a decimal value must not be negative; got " + value);
            }
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        }

        @Override
        public ValueType valueType() {
            return ValueType.DECIMAL;
        }

        @Override
        public int size() {
            return 1;
        }
    }

    static TextValues text(String... values) {
        return new TextValues(List.of(values));
    }

    static RegionValues regions(String... codes) {
        return new RegionValues(Arrays.stream(codes).map(RegionCode::new).toList());
    }

    static DeliveryModeValues deliveryModes(DeliveryMode... modes) {
        return new DeliveryModeValues(new LinkedHashSet<>(List.of(modes)));
    }

    static InstantValue instant(Instant value) {
        return new InstantValue(value);
    }

    static DurationValue duration(Duration value) {
        return new DurationValue(value);
    }

    static IntegerValue integer(long value) {
        return new IntegerValue(value);
    }

    static DecimalValue decimal(BigDecimal value) {
        return new DecimalValue(value);
    }

    private static <T> List<T> distinct(List<T> values, String what) {
        Objects.requireNonNull(values, what);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return List.copyOf(new LinkedHashSet<>(values));
    }
}
