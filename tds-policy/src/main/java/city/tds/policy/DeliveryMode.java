package city.tds.policy;

import java.util.Locale;
import java.util.Optional;

/**
 * How a consumer receives or uses a product's data (交付方式). A policy limits the modes with an
 * {@code odrl:deliveryChannel} constraint.
 */
public enum DeliveryMode implements VocabularyTerm {
    /** The data is transferred to the consumer's connector, which enforces the policy there. */
    FILE_TRANSFER("fileTransfer", "文件传输"),
    /** The consumer calls an API answered at the provider's connector; the data does not leave it in bulk. */
    API("api", "接口调用"),
    /** Provider and consumer data are joined in an isolated workspace; only reviewed outputs leave. */
    SANDBOX("sandbox", "数据沙箱"),
    /** Private set intersection, secure aggregation or federated learning between connectors. */
    PRIVACY_COMPUTING("privacyComputing", "隐私计算");

    private final String localName;
    private final String label;

    DeliveryMode(String localName, String label) {
        this.localName = localName;
        this.label = label;
    }

    @Override
    public String iri() {
        return Terms.iri(PolicyNamespaces.TDS, localName);
    }

    @Override
    public String term() {
        return Terms.term(PolicyNamespaces.TDS, localName);
    }

    /** The Chinese name shown to users, e.g. 数据沙箱. */
    public String label() {
        return label;
    }

    /**
     * The mode named by {@code text}: its term ({@code tds:sandbox}), its IRI, its local name ({@code sandbox}) or the
     * enum constant's name in any case ({@code SANDBOX}, {@code privacy_computing}).
     */
    public static Optional<DeliveryMode> fromTerm(String text) {
        Optional<DeliveryMode> byTerm = Terms.find(DeliveryMode.class, text);
        if (byTerm.isPresent() || text == null) {
            return byTerm;
        }
        String name = text.trim().toUpperCase(Locale.ROOT);
        for (DeliveryMode mode : values()) {
            if (mode.name().equals(name)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
