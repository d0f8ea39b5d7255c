package city.tds.catalog;

import city.tds.catalog.ParticipantDirectory.ParticipantInfo;
import city.tds.core.Result;
import city.tds.policy.DeliveryMode;
import city.tds.policy.Policy;
import city.tds.policy.PolicyReader;
import city.tds.policy.PolicyWriter;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a product draft against the catalog: its resources are the provider's, its policy is in the TDS subset and
 * allows the delivery modes offered, its price is valid and within any public-data cap, and its zones admit the
 * provider. Returns the draft with its policy in canonical form.
 */
final class DraftChecks {

    static final int MAX_POLICY_CHARS = 64 * 1024;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final CatalogStore store;
    private final CatalogSettings settings;
    private final PolicyReader policies = new PolicyReader();
    private final PolicyWriter writer = new PolicyWriter();

    DraftChecks(CatalogStore store, CatalogSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    record Checked(ProductDraft draft, String canonicalPolicy) {}

    Checked check(ProductDraft d, ParticipantInfo provider) {
        Checks.required(d, "product");
        String name = Checks.text(d.name(), "name", 200);
        String description = Checks.text(d.description(), "description", 4000);
        String industry = Checks.text(d.industry(), "industry", 100);
        Checks.size(d.keywords(), "keywords", 0, 30);
        List<String> keywords = d.keywords().stream()
                .map(k -> Checks.text(k, "keywords", 40))
                .distinct()
                .toList();
        ProductType type = Checks.required(d.type(), "type");
        Checks.size(d.resourceIds(), "resourceIds", 1, 50);
        for (String id : new HashSet<>(d.resourceIds())) {
            store.resource(id)
                    .filter(r -> r.providerId().equals(provider.id()))
                    .orElseThrow(() -> Checks.invalid(
                            "unknown-resource",
                            "resource " + id + " is not one of " + provider.name() + "'s registered resources"));
        }
        Checks.size(d.deliveryModes(), "deliveryModes", 1, DeliveryMode.values().length);
        String canonicalPolicy = policy(d.policy(), d.deliveryModes());
        Price price = price(d.price(), d.publicData());
        Checks.size(d.zoneIds(), "zoneIds", 1, 10);
        for (String zoneId : new HashSet<>(d.zoneIds())) {
            Zone zone =
                    store.zone(zoneId).filter(z -> z.visibleTo(provider)).orElseThrow(() -> Zones.noSuchZone(zoneId));
            if (!zone.admitsListingBy(provider)) {
                throw Checks.forbidden(
                        "zone-not-admitted",
                        "zone " + zone.name() + " (" + zone.code() + ") does not admit listings by " + provider.name());
            }
        }
        ProductDraft checked = new ProductDraft(
                name,
                description,
                industry,
                keywords,
                type,
                d.resourceIds().stream().distinct().toList(),
                d.deliveryModes(),
                canonicalPolicy,
                price,
                d.publicData(),
                d.zoneIds().stream().distinct().toList());
        return new Checked(checked, canonicalPolicy);
    }

    private String policy(String json, Set<DeliveryMode> offered) {
        String text = Checks.text(json, "policy", MAX_POLICY_CHARS);
        Result<Policy> read = policies.read(text);
        if (!read.isOk()) {
            throw new city.tds.core.ProblemException(read.problem());
        }
        Policy policy = read.value();
        Set<DeliveryMode> permitted = policy.permittedDeliveryModes();
        Set<DeliveryMode> refused = EnumSet.copyOf(offered);
        refused.removeAll(permitted);
        if (!refused.isEmpty()) {
            throw Checks.invalid(
                    "delivery-mode-not-permitted",
                    "the product offers " + refused + " but its policy's deliveryChannel allows only " + permitted);
        }
        return writer.toJson(policy);
    }

    private Price price(Price price, boolean publicData) {
        Checks.required(price, "price");
        Checks.required(price.model(), "price.model");
        BigDecimal amount = Checks.required(price.amount(), "price.amount");
        if (amount.signum() < 0) {
            throw Checks.invalid("invalid-price", "price.amount must not be negative (got " + amount + ")");
        }
        if (amount.scale() > 4 || amount.precision() - amount.scale() > 14) {
            throw Checks.invalid("invalid-price", "price.amount has more than 14 digits or 4 decimals: " + amount);
        }
        String currency = Checks.text(price.currency(), "price.currency", 3).toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            throw Checks.invalid("invalid-currency", "price.currency must be an ISO 4217 code such as CNY");
        }
        if ((price.model() == PricingModel.SUBSCRIPTION) != (price.period() != null)) {
            throw Checks.invalid(
                    "invalid-price",
                    price.model() == PricingModel.SUBSCRIPTION
                            ? "a subscription price needs price.period (MONTH, QUARTER or YEAR)"
                            : "price.period is only for subscriptions");
        }
        Price normalized = new Price(price.model(), amount, currency, price.period());
        if (publicData) {
            BigDecimal cap = settings.publicDataPriceCaps().get(price.model());
            if (!"CNY".equals(currency)) {
                throw Checks.invalid("invalid-currency", "public-data products are priced in CNY");
            }
            if (cap != null && normalized.exceeds(cap)) {
                throw Checks.invalid(
                        "price-above-cap",
                        "a public-data product priced " + price.model() + " may ask at most " + cap.toPlainString()
                                + " CNY; this one asks " + normalized.amount().toPlainString());
            }
        }
        return normalized;
    }
}
