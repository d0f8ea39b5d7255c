package city.tds.protocol.catalog;

import city.tds.protocol.negotiation.Offer;
import java.util.List;
import java.util.Objects;

/**
 * A dataset this connector offers over DSP: a listed product, with its offers and the formats it is delivered in.
 *
 * @param id the dataset's {@code @id}; offers for it name it as their target
 * @param title shown as {@code dct:title}
 * @param description shown as {@code dct:description}
 * @param keywords shown as {@code dcat:keyword}
 * @param offers the offers under which it can be had
 * @param formats the DSP transfer formats of its distributions, e.g. {@code HttpData-PULL}
 */
public record DspDataset(
        String id, String title, String description, List<String> keywords, List<Offer> offers, List<String> formats) {

    public DspDataset {
        Objects.requireNonNull(id, "id");
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        offers = List.copyOf(offers);
        formats = formats == null || formats.isEmpty() ? List.of("HttpData-PULL") : List.copyOf(formats);
    }
}
