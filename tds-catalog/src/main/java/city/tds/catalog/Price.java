package city.tds.catalog;

import java.math.BigDecimal;

/**
 * What a product costs: an amount in a currency per call, per record or per subscription period.
 *
 * @param period the subscription period; only and always set for {@link PricingModel#SUBSCRIPTION}
 */
public record Price(PricingModel model, BigDecimal amount, String currency, SubscriptionPeriod period) {

    /** Parts may be missing while a request is read; the catalog refuses such a price when it checks the draft. */
    public Price {
        if (amount != null) {
            amount = amount.stripTrailingZeros();
            if (amount.scale() < 0) {
                amount = amount.setScale(0);
            }
        }
    }

    /** Whether this price is above {@code cap}, which must be for the same model and currency. */
    public boolean exceeds(BigDecimal cap) {
        return amount.compareTo(cap) > 0;
    }
}
