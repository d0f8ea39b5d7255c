package city.tds.server.protocol;

import city.tds.core.Result;
import city.tds.policy.DeliveryMode;
import city.tds.policy.Policy;
import city.tds.policy.PolicyReader;
import city.tds.protocol.catalog.DatasetDirectory;
import city.tds.protocol.catalog.DspDataset;
import city.tds.protocol.negotiation.Offer;
import city.tds.protocol.transfer.TransferFormats;
import city.tds.server.identity.SpaceClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The datasets and offers of a provider's connector: its participant's listed products in the space's catalog, one
 * dataset per product ({@code urn:tds:product:<id>}) with one offer per listed version ({@code
 * urn:tds:offer:<id>:<version>}: the version's policy, assigned by the provider, targeting the dataset). Read from the
 * space with the connector's token and kept for {@link #FRESHNESS}; when the space cannot be reached the last list
 * stays in use.
 */
public final class SpaceDatasets implements DatasetDirectory {

    static final Duration FRESHNESS = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(SpaceDatasets.class);

    private final Supplier<ConnectorSession> session;
    private final Clock clock;
    private final PolicyReader reader = new PolicyReader();
    private List<DspDataset> cached = List.of();
    private Instant fetchedAt = Instant.EPOCH;

    public SpaceDatasets(Supplier<ConnectorSession> session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    @Override
    public synchronized List<DspDataset> datasets() {
        Instant now = clock.instant();
        if (now.isAfter(fetchedAt.plus(FRESHNESS))) {
            try {
                cached = fetch();
                fetchedAt = now;
            } catch (RuntimeException e) {
                LOG.warn("cannot read the listed products from the space; keeping the last list: {}", e.getMessage());
            }
        }
        return cached;
    }

    @Override
    public Optional<DspDataset> find(String id) {
        return datasets().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The offer with {@code offerId}, among the datasets' offers. */
    public Optional<Offer> offer(String offerId) {
        return datasets().stream()
                .flatMap(d -> d.offers().stream())
                .filter(o -> o.id().equals(offerId))
                .findFirst();
    }

    private List<DspDataset> fetch() {
        ConnectorSession s = session.get();
        String self = s.membership().participantId();
        JsonNode products = new SpaceClient(s.membership().spaceUrl())
                .get("/api/v1/catalog/products?status=LISTED", s.accessToken())
                .expect(200);
        List<DspDataset> datasets = new ArrayList<>();
        for (JsonNode product : products) {
            if (!self.equals(product.path("providerId").asText())) {
                continue;
            }
            int listed = product.path("listedVersion").asInt(0);
            for (JsonNode version : product.path("versions")) {
                if (version.path("version").asInt() != listed
                        || !"LISTED".equals(version.path("status").asText())) {
                    continue;
                }
                String productId = product.path("id").asText();
                String datasetId = "urn:tds:product:" + productId;
                Result<Policy> policy = reader.read(version.path("policy"));
                if (!policy.isOk()) {
                    LOG.warn(
                            "product {} has a policy TDS cannot read; not offered: {}",
                            productId,
                            policy.problem().detail());
                    continue;
                }
                String offerId = "urn:tds:offer:" + productId + ":" + listed;
                Policy offer =
                        policy.value().withUid(offerId).withAssigner(self).withTarget(datasetId);
                List<String> keywords = new ArrayList<>();
                version.path("keywords").forEach(k -> keywords.add(k.asText()));
                List<String> formats = new ArrayList<>();
                version.path("deliveryModes")
                        .forEach(m -> DeliveryMode.fromTerm(m.asText())
                                .ifPresent(mode -> formats.addAll(TransferFormats.of(mode))));
                datasets.add(new DspDataset(
                        datasetId,
                        version.path("name").asText(null),
                        version.path("description").asText(null),
                        keywords,
                        List.of(Offer.of(offerId, datasetId, self, offer)),
                        formats));
            }
        }
        return List.copyOf(datasets);
    }
}
