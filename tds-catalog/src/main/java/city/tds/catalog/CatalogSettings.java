package city.tds.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * How a space runs its catalog.
 *
 * @param spaceCode the space's code in registration codes, e.g. {@code SH-TDS}
 * @param noticePeriod how long a reviewed product stays in public notice (公示期)
 * @param publicDataPriceCaps the highest price a public-data product may ask, per pricing model (CNY)
 * @param maxAttachmentBytes the largest attachment accepted
 */
public record CatalogSettings(
        String spaceCode,
        Duration noticePeriod,
        Map<PricingModel, BigDecimal> publicDataPriceCaps,
        long maxAttachmentBytes) {

    public CatalogSettings {
        if (!RegistrationCode.validSpaceCode(spaceCode)) {
            throw new IllegalArgumentException(
                    "catalog space code must be upper-case letters and digits (2-8, up to two '-' parts): "
                            + spaceCode);
        }
        if (noticePeriod.isNegative()) {
            throw new IllegalArgumentException("notice period must not be negative");
        }
        publicDataPriceCaps = Map.copyOf(publicDataPriceCaps);
    }

    public static CatalogSettings defaults(String spaceCode) {
        return new CatalogSettings(
                spaceCode,
                Duration.ofDays(7),
                Map.of(
                        PricingModel.PER_CALL, new BigDecimal("5"),
                        PricingModel.PER_RECORD, new BigDecimal("0.5"),
                        PricingModel.SUBSCRIPTION, new BigDecimal("50000")),
                10L * 1024 * 1024);
    }

    public CatalogSettings withNoticePeriod(Duration period) {
        return new CatalogSettings(spaceCode, period, publicDataPriceCaps, maxAttachmentBytes);
    }
}
