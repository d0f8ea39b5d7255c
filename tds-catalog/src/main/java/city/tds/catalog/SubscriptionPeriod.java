package city.tds.catalog;

import java.time.Period;

/** The period a subscription price covers. */
public enum SubscriptionPeriod {
    MONTH(Period.ofMonths(1)),
    QUARTER(Period.ofMonths(3)),
    YEAR(Period.ofYears(1));

    private final Period length;

    SubscriptionPeriod(Period length) {
        this.length = length;
    }

    public Period length() {
        return length;
    }
}
