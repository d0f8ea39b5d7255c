package city.tds.protocol.negotiation;

import java.util.Optional;

/** The offers this connector has made, by id; the server answers it from the catalog's listed products. */
public interface OfferDirectory {

    Optional<Offer> find(String offerId);
}
