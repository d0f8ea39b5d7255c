package city.tds.governance.mask;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The secret keys keyed algorithms ({@code hash}, {@code fpe-*}) use, by the name a profile refers to them with
 * ({@code key: default}). The caller loads them (from the node's key store); algorithms never read keys from the
 * environment or from files. Its {@code toString} shows only the names.
 */
public final class MaskingKeys {

    /** The shortest key accepted, in bytes. */
    public static final int MINIMUM_LENGTH = 16;

    private final Map<String, byte[]> keys;

    private MaskingKeys(Map<String, byte[]> keys) {
        this.keys = keys;
    }

    /** No keys: enough for profiles without keyed algorithms. */
    public static MaskingKeys none() {
        return new MaskingKeys(Map.of());
    }

    /** One key under {@code name}. */
    public static MaskingKeys of(String name, byte[] key) {
        return of(Map.of(name, key));
    }

    /**
     * The given keys (copied).
     *
     * @throws IllegalArgumentException if a key is shorter than {@link #MINIMUM_LENGTH} bytes
     */
    public static MaskingKeys of(Map<String, byte[]> keys) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        keys.forEach((name, key) -> {
            if (key.length < MINIMUM_LENGTH) {
                throw new IllegalArgumentException(
                        "masking key " + name + " has " + key.length + " bytes; at least " + MINIMUM_LENGTH);
            }
            copy.put(name, key.clone());
        });
        return new MaskingKeys(copy);
    }

    /** The key named {@code name}. */
    public Optional<byte[]> get(String name) {
        byte[] key = keys.get(name);
        return key == null ? Optional.empty() : Optional.of(key.clone());
    }

    public Set<String> names() {
        return Set.copyOf(keys.keySet());
    }

    @Override
    public String toString() {
        return "MaskingKeys" + keys.keySet();
    }
}
