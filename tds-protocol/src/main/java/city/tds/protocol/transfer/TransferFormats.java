package city.tds.protocol.transfer;

import city.tds.policy.DeliveryMode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The DSP transfer formats TDS speaks, one or two per delivery mode, so that a policy's {@code odrl:deliveryChannel}
 * decides which transfers an agreement allows: {@code HttpData-PULL} and {@code HttpData-PUSH} are file transfers,
 * {@code HttpData-API} calls answered at the provider, {@code TDS-SANDBOX} and {@code TDS-PRIVACY-COMPUTING} use in
 * the sandbox or by privacy computing.
 */
public final class TransferFormats {

    private static final Map<String, DeliveryMode> MODES = new LinkedHashMap<>();
    private static final Map<DeliveryMode, List<String>> FORMATS = new EnumMap<>(DeliveryMode.class);

    static {
        MODES.put("HttpData-PULL", DeliveryMode.FILE_TRANSFER);
        MODES.put("HttpData-PUSH", DeliveryMode.FILE_TRANSFER);
        MODES.put("HttpData-API", DeliveryMode.API);
        MODES.put("TDS-SANDBOX", DeliveryMode.SANDBOX);
        MODES.put("TDS-PRIVACY-COMPUTING", DeliveryMode.PRIVACY_COMPUTING);
        MODES.forEach((format, mode) ->
                FORMATS.computeIfAbsent(mode, m -> new java.util.ArrayList<>()).add(format));
    }

    private TransferFormats() {}

    /** The delivery mode a format is, if it is one TDS speaks. */
    public static Optional<DeliveryMode> mode(String format) {
        return Optional.ofNullable(MODES.get(format));
    }

    /** The formats of a delivery mode. */
    public static List<String> of(DeliveryMode mode) {
        return List.copyOf(FORMATS.get(mode));
    }

    /** Every format, for error messages. */
    public static String known() {
        return String.join(", ", MODES.keySet());
    }
}
