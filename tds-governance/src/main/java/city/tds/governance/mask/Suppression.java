package city.tds.governance.mask;

import java.util.Objects;

/**
 * Algorithm {@code suppress}: replaces every non-empty value with a fixed token (by default the empty string), so
 * nothing of the value is delivered but whether it was empty.
 */
public final class Suppression implements MaskingAlgorithm {

    private final String token;

    public Suppression(String token) {
        this.token = Objects.requireNonNull(token, "token");
    }

    @Override
    public String mask(String value) {
        return value == null || value.isEmpty() ? value : token;
    }
}
