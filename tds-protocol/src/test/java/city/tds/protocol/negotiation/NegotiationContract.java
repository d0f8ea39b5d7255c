package city.tds.protocol.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.core.Problem;
import city.tds.core.Result;
import city.tds.core.testkit.MutableClock;
import city.tds.policy.Action;
import city.tds.policy.DeliveryMode;
import city.tds.policy.Policies;
import city.tds.policy.Policy;
import city.tds.protocol.DspMessageType;
import city.tds.protocol.DspMessages;
import city.tds.protocol.DspPolicies;
import city.tds.protocol.DspSchemas;
import city.tds.protocol.NegotiationState;
import city.tds.protocol.ProcessRole;
import city.tds.protocol.TransferState;
import city.tds.protocol.transfer.TransferData;
import city.tds.protocol.transfer.TransferProcess;
import city.tds.protocol.transfer.TransferReaction;
import city.tds.store.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two connectors negotiate through the DSP endpoints and their outboxes, each on its own real database. */
public abstract class NegotiationContract {

    static final String TAX = "urn:tds:participant:tax-bureau";
    static final String BANK = "urn:tds:participant:bank";
    static final String SHOP = "urn:tds:participant:shop";
    static final String PRODUCT = "urn:tds:product:tax-credit";

    static final Policy OFFER = Policies.offer(
            "urn:tds:offer:tax-credit:1",
            TAX,
            PRODUCT,
            Policies.permission(
                    Action.USE,
                    List.of(
                            Policies.purposeIs("tds:purpose/credit-risk"),
                            Policies.recipientIndustryIs("金融业"),
                            Policies.usesAtMost(1000),
                            Policies.deliveredVia(DeliveryMode.SANDBOX, DeliveryMode.API)),
                    List.of(Policies.deleteWithin(Duration.ofDays(30)))));

    protected abstract Database openDatabase();

    protected final MutableClock clock = MutableClock.startingAt("2026-12-01T08:00:00Z");
    protected final TestConnector.Network network = new TestConnector.Network();
    private final DspPolicies policies = new DspPolicies();
    private final OfferDirectory offers =
            id -> id.equals(OFFER.uid()) ? Optional.of(Offer.of(OFFER.uid(), PRODUCT, TAX, OFFER)) : Optional.empty();
    protected final ProviderReactionSwitch reaction = new ProviderReactionSwitch();
    /** What the provider does with a transfer request; a test may change it. */
    protected volatile TransferReaction.Next transferNext = TransferReaction.Next.START;

    private final TransferReaction transferReaction = (requested, agreement) -> transferNext;
    /** Where a consumer's data plane asks pushes to go (none unless a test sets it), or why it refuses a request. */
    protected volatile ObjectNode pushTarget;

    protected volatile Problem requestRefusal;

    private final TransferData transferData = new TransferData() {
        @Override
        public Result<Optional<ObjectNode>> starting(TransferProcess transfer, Agreement agreement) {
            return Result.ok(Optional.empty());
        }

        @Override
        public Result<Optional<ObjectNode>> requesting(TransferProcess transfer) {
            return requestRefusal != null
                    ? Result.fail(requestRefusal)
                    : Result.ok(Optional.ofNullable(pushTarget).map(ObjectNode::deepCopy));
        }

        @Override
        public void changed(TransferProcess transfer) {}
    };

    protected TestConnector tax;
    protected TestConnector bank;
    protected TestConnector shop;

    /**
     * Lets a test hold the provider's agreement back ({@code next}), or script one moment ({@code at}); finalizes after
     * verification unless scripted otherwise.
     */
    static final class ProviderReactionSwitch implements ProviderReaction {
        volatile Next next = Next.AGREE;
        final Map<Moment, Next> at = new ConcurrentHashMap<>();

        @Override
        public Next next(Moment moment, ContractNegotiation negotiation, Offer offer, Counterparty consumer) {
            return at.getOrDefault(moment, moment == Moment.VERIFIED ? Next.FINALIZE : next);
        }
    }

    @BeforeEach
    void connect() {
        RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(8), 4);
        tax = connector(TAX, offers, retry);
        bank = connector(BANK, id -> Optional.empty(), retry);
        shop = connector(SHOP, id -> Optional.empty(), retry);
        network.identify(new Counterparty(BANK, "金融业", "企业法人", Set.of("consumer")));
        network.identify(new Counterparty(SHOP, "零售业", "企业法人", Set.of("consumer")));
    }

    private TestConnector connector(String participant, OfferDirectory offered, RetryPolicy retry) {
        return new TestConnector(
                participant, openDatabase(), clock, network, offered, reaction, transferReaction, transferData, retry);
    }

    @AfterEach
    void disconnect() {
        tax.close();
        bank.close();
        shop.close();
    }

    ObjectNode offer() {
        return policies.write(OFFER);
    }

    static Counterparty bankIdentity() {
        return new Counterparty(BANK, "金融业", "企业法人", Set.of("consumer"));
    }

    private static byte[] bytes(ObjectNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private ContractNegotiation only(TestConnector connector) {
        List<ContractNegotiation> all =
                connector.store.list(connector == tax ? ProcessRole.PROVIDER : ProcessRole.CONSUMER, null, 10);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void theBankAsksTheTaxBureauAndBothSidesEndFinalizedWithTheSameAgreement() {
        ContractNegotiation requested =
                bank.consumer.request(TAX, tax.address, offer()).orElseThrow();
        assertThat(requested.state()).isEqualTo(NegotiationState.REQUESTED);

        assertThat(network.settle()).isEqualTo(4); // request, agreement, verification, finalized event

        ContractNegotiation atBank = bank.store.find(requested.id()).orElseThrow();
        ContractNegotiation atTax = only(tax);
        assertThat(atBank.state()).isEqualTo(NegotiationState.FINALIZED);
        assertThat(atTax.state()).isEqualTo(NegotiationState.FINALIZED);
        assertThat(atBank.providerPid()).isEqualTo(atTax.id());
        assertThat(atTax.consumerPid()).isEqualTo(atBank.id());
        assertThat(atBank.agreementId()).isEqualTo(atTax.agreementId()).startsWith("urn:tds:agreement:");
        Agreement agreement = bank.store.findAgreement(atBank.agreementId()).orElseThrow();
        assertThat(agreement.providerId()).isEqualTo(TAX);
        assertThat(agreement.consumerId()).isEqualTo(BANK);
        assertThat(tax.store.findAgreement(atBank.agreementId())).isPresent();
        assertThat(policies.read((ObjectNode) json(agreement.policy())).value().assignee())
                .isEqualTo(BANK);
        assertThat(bank.evidenceTypes()).containsExactly("contract.requested", "contract.agreed", "contract.finalized");
        assertThat(tax.evidenceTypes()).containsExactly("contract.requested", "contract.agreed", "contract.finalized");
        assertThat(bank.store.queued()).isZero();
        assertThat(tax.store.queued()).isZero();
    }

    @Test
    void theProviderOffersFirstTheConsumerAcceptsTermsItRequestedAndBothEndFinalized() {
        reaction.at.put(ProviderReaction.Moment.REQUESTED, ProviderReaction.Next.OFFER);
        ContractNegotiation requested =
                bank.consumer.request(TAX, tax.address, offer()).orElseThrow();

        // request, offer, accepted event, agreement, verification, finalized event
        assertThat(network.settle()).isEqualTo(6);

        ContractNegotiation atBank = bank.store.find(requested.id()).orElseThrow();
        ContractNegotiation atTax = only(tax);
        assertThat(atBank.state()).isEqualTo(NegotiationState.FINALIZED);
        assertThat(atTax.state()).isEqualTo(NegotiationState.FINALIZED);
        assertThat(atBank.providerPid()).isEqualTo(atTax.id());
        assertThat(policies.readStored(atBank.offer()).value().assignee()).isEqualTo(BANK);
        List<String> steps = List.of(
                "contract.requested", "contract.offered", "contract.accepted", "contract.agreed", "contract.finalized");
        assertThat(bank.evidenceTypes()).containsExactlyElementsOf(steps);
        assertThat(tax.evidenceTypes()).containsExactlyElementsOf(steps);
    }

    @Test
    void anOfferWithOtherTermsThanRequestedIsDeclinedAndTheProviderHearsWhy() {
        reaction.next = ProviderReaction.Next.WAIT;
        ContractNegotiation requested =
                bank.consumer.request(TAX, tax.address, offer()).orElseThrow();
        network.settle();
        ContractNegotiation atTax = only(tax);
        ObjectNode otherTerms = offer();
        ((ObjectNode) otherTerms.withArray("permission").get(0)).remove("duty");

        DspResponse response = bank.endpoints.handle(
                "POST",
                "/negotiations/" + requested.id() + "/offers/",
                new Counterparty(TAX, null, null, null),
                bytes(DspMessages.contractOffer(atTax.id(), requested.id(), otherTerms)));
        network.settle();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("state").asText()).isEqualTo("TERMINATED");
        assertThat(bank.store.find(requested.id()).orElseThrow().reason()).contains("differ from the terms requested");
        assertThat(only(tax).state()).isEqualTo(NegotiationState.TERMINATED);
        assertThat(only(tax).reason()).contains("differ from the terms requested");
    }

    @Test
    void aSecondCounterRequestIsRefusedWhereAnOfferWasAnsweredAlready() {
        reaction.at.put(ProviderReaction.Moment.REQUESTED, ProviderReaction.Next.OFFER);
        reaction.at.put(ProviderReaction.Moment.COUNTER_REQUESTED, ProviderReaction.Next.WAIT);
        DspResponse opened = tax.endpoints.handle(
                "POST",
                "/negotiations/request",
                bankIdentity(),
                bytes(DspMessages.contractRequest("urn:uuid:bank-2", null, offer(), bank.address)));
        String providerPid = opened.body().path("providerPid").asText();
        byte[] counter = bytes(DspMessages.contractRequest("urn:uuid:bank-2", providerPid, offer(), null));

        DspResponse first =
                tax.endpoints.handle("POST", "/negotiations/" + providerPid + "/request", bankIdentity(), counter);
        DspResponse second =
                tax.endpoints.handle("POST", "/negotiations/" + providerPid + "/request", bankIdentity(), counter);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("state").asText()).isEqualTo("REQUESTED");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().path("code").asText()).isEqualTo("dsp-illegal-transition");
        assertThat(only(tax).state()).isEqualTo(NegotiationState.REQUESTED);
    }

    @Test
    void aParticipantThePolicyExcludesIsRefusedAndItsNegotiationEndsWithTheReason() {
        ContractNegotiation requested =
                shop.consumer.request(TAX, tax.address, offer()).orElseThrow();

        network.settle();

        ContractNegotiation atShop = shop.store.find(requested.id()).orElseThrow();
        assertThat(atShop.state()).isEqualTo(NegotiationState.TERMINATED);
        assertThat(atShop.reason())
                .contains("(403)")
                .contains("dsp-policy-denied")
                .contains("接收方行业 (tds:recipientIndustry) is 零售业");
        assertThat(tax.store.list(ProcessRole.PROVIDER, null, 10)).isEmpty();
        assertThat(tax.evidenceTypes()).isEmpty();
        assertThat(shop.evidenceTypes()).containsExactly("contract.requested", "contract.terminated");
    }

    @Test
    void aRetriedOpeningRequestFindsTheNegotiationItOpened() {
        reaction.next = ProviderReaction.Next.WAIT;
        ObjectNode request = DspMessages.contractRequest("urn:uuid:bank-1", null, offer(), bank.address);

        DspResponse first = tax.endpoints.handle("POST", "/negotiations/request", bankIdentity(), bytes(request));
        DspResponse again = tax.endpoints.handle("POST", "/negotiations/request", bankIdentity(), bytes(request));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(first.body().path("state").asText()).isEqualTo("REQUESTED");
        assertThat(DspSchemas.bundled().violations(DspMessageType.CONTRACT_NEGOTIATION, first.body()))
                .isEmpty();
        assertThat(tax.store.list(ProcessRole.PROVIDER, null, 10)).hasSize(1);
    }

    @Test
    void anOfferThatWasNeverMadeOrWasChangedIsRefusedAndNothingIsStored() {
        ObjectNode unknown = offer().put("@id", "urn:tds:offer:invented");
        ObjectNode changed = offer();
        ((ObjectNode) changed.path("permission").get(0)).put("action", "distribute");

        DspResponse never = tax.endpoints.handle(
                "POST",
                "/negotiations/request",
                bankIdentity(),
                bytes(DspMessages.contractRequest("urn:uuid:b1", null, unknown, bank.address)));
        DspResponse altered = tax.endpoints.handle(
                "POST",
                "/negotiations/request",
                bankIdentity(),
                bytes(DspMessages.contractRequest("urn:uuid:b2", null, changed, bank.address)));

        assertThat(never.status()).isEqualTo(400);
        assertThat(never.body().path("@type").asText()).isEqualTo("ContractNegotiationError");
        assertThat(never.body().path("code").asText()).isEqualTo("dsp-unknown-offer");
        assertThat(DspSchemas.bundled().violations(DspMessageType.CONTRACT_NEGOTIATION_ERROR, never.body()))
                .isEmpty();
        assertThat(altered.status()).isEqualTo(400);
        assertThat(altered.body().path("code").asText()).isEqualTo("dsp-offer-changed");
        assertThat(tax.store.list(ProcessRole.PROVIDER, null, 10)).isEmpty();
    }

    @Test
    void onlyTheCounterpartySeesANegotiationAndAnEndedOneNeverChanges() {
        ContractNegotiation requested =
                bank.consumer.request(TAX, tax.address, offer()).orElseThrow();
        network.settle();
        String providerPid = bank.store.find(requested.id()).orElseThrow().providerPid();
        Counterparty stranger = new Counterparty(SHOP, "零售业", null, null);

        DspResponse mine = tax.endpoints.handle("GET", "/negotiations/" + providerPid, bankIdentity(), new byte[0]);
        DspResponse theirs = tax.endpoints.handle("GET", "/negotiations/" + providerPid, stranger, new byte[0]);
        DspResponse late = tax.endpoints.handle(
                "POST",
                "/negotiations/" + providerPid + "/termination",
                bankIdentity(),
                bytes(DspMessages.negotiationTermination(providerPid, requested.id(), "late", List.of("too late"))));

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().path("state").asText()).isEqualTo("FINALIZED");
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.body().path("code").asText()).isEqualTo("dsp-unknown-process");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().path("reason").get(0).asText()).contains("never changes");
        assertThat(only(tax).state()).isEqualTo(NegotiationState.FINALIZED);
    }

    @Test
    void aMalformedMessageIsA400ErrorBodyAndChangesNothing() {
        DspResponse response = tax.endpoints.handle(
                "POST", "/negotiations/request", bankIdentity(), "{\"@type\": ".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("code").asText()).isEqualTo("dsp-malformed-json");
        assertThat(response.body().path("providerPid").asText()).isEmpty();
        assertThat(tax.store.list(ProcessRole.PROVIDER, null, 10)).isEmpty();
    }

    @Test
    void anUnreachableProviderIsRetriedWithBackoffUntilItAnswers() {
        network.takeDown(TAX);
        ContractNegotiation requested =
                bank.consumer.request(TAX, tax.address, offer()).orElseThrow();

        assertThat(network.settle()).isZero();
        clock.advance(Duration.ofMillis(999));
        assertThat(network.settle()).as("not due before the first backoff").isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(network.settle()).isZero();
        network.bringUp(TAX);
        clock.advance(Duration.ofMillis(1999));
        assertThat(network.settle()).as("the second backoff is 2 s").isZero();
        clock.advance(Duration.ofMillis(1));

        assertThat(network.settle()).isEqualTo(4);
        assertThat(bank.store.find(requested.id()).orElseThrow().state()).isEqualTo(NegotiationState.FINALIZED);
    }

    @Test
    void aProviderThatNeverAnswersEndsTheNegotiationAfterTheLastAttempt() {
        network.takeDown(TAX);
        ContractNegotiation requested =
                bank.consumer.request(TAX, tax.address, offer()).orElseThrow();

        for (int i = 0; i < 6; i++) {
            network.settle();
            clock.advance(Duration.ofSeconds(8));
        }

        ContractNegotiation ended = bank.store.find(requested.id()).orElseThrow();
        assertThat(ended.state()).isEqualTo(NegotiationState.TERMINATED);
        assertThat(ended.reason()).startsWith("the counterparty could not be reached after 4 attempts");
        assertThat(bank.store.queued()).isZero();
    }

    @Test
    void theConsumerTerminatesAWaitingNegotiationAndTheProviderHearsOfIt() {
        reaction.next = ProviderReaction.Next.WAIT;
        ContractNegotiation requested =
                bank.consumer.request(TAX, tax.address, offer()).orElseThrow();
        network.settle();

        ContractNegotiation ended =
                bank.consumer.terminate(requested.id(), "no longer needed").orElseThrow();
        network.settle();

        assertThat(ended.state()).isEqualTo(NegotiationState.TERMINATED);
        ContractNegotiation atTax = only(tax);
        assertThat(atTax.state()).isEqualTo(NegotiationState.TERMINATED);
        assertThat(atTax.reason()).isEqualTo("terminated: no longer needed");
        assertThat(tax.evidenceTypes()).containsExactly("contract.requested", "contract.terminated");
    }

    @Test
    void anAcceptedEventIsRefusedWhereTheTableDoesNotAllowIt() {
        ContractNegotiation requested =
                bank.consumer.request(TAX, tax.address, offer()).orElseThrow();
        network.settle();
        ContractNegotiation atBank = bank.store.find(requested.id()).orElseThrow();

        DspResponse response = tax.endpoints.handle(
                "POST",
                "/negotiations/" + atBank.providerPid() + "/events",
                bankIdentity(),
                bytes(DspMessages.negotiationEvent(atBank.providerPid(), atBank.id(), NegotiationState.ACCEPTED)));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body().path("code").asText()).isEqualTo("dsp-illegal-transition");
        assertThat(response.body().path("providerPid").asText()).isEqualTo(atBank.providerPid());
    }

    @Test
    void twoReplicasOnOneDatabaseDeliverEachMessageOnce() {
        reaction.next = ProviderReaction.Next.WAIT;
        AtomicInteger posts = new AtomicInteger();
        DspTransport counting = (url, message) -> {
            posts.incrementAndGet();
            return new DspTransport.Delivered(null);
        };
        OutboxDelivery first = new OutboxDelivery(bank.context, counting, "replica-1", RetryPolicy.DEFAULT);
        OutboxDelivery second = new OutboxDelivery(bank.context, counting, "replica-2", RetryPolicy.DEFAULT);
        for (int i = 0; i < 20; i++) {
            bank.consumer.request(TAX, tax.address, offer()).orElseThrow();
        }

        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> first.deliverDue(50));
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> second.deliverDue(50));

        assertThat(one.join() + other.join()).isEqualTo(20);
        assertThat(posts).hasValue(20);
        assertThat(bank.store.queued()).isZero();
    }

    @Test
    void aClaimedMessageIsNobodyElsesUntilItsClaimRunsOutOrItIsRescheduled() {
        NegotiationStore store = tax.store;
        Instant now = clock.instant();
        store.enqueue(new OutboundMessage("m1", "p1", "https://a/1", "{}", 0, now, null, now));
        store.enqueue(new OutboundMessage("m2", "p2", "https://a/2", "{}", 0, now, null, now));

        List<OutboundMessage> claimed = store.claimDue(now, "replica-1/a", now.plusSeconds(60), 10);

        assertThat(claimed).extracting(OutboundMessage::id).containsExactly("m1", "m2");
        assertThat(store.claimDue(now, "replica-2/a", now.plusSeconds(60), 10)).isEmpty();
        assertThat(store.due(now, 10)).isEmpty();

        assertThat(store.reschedule(claimed.get(0).failed("HTTP 503", now), "replica-9/x"))
                .as("a claim not held changes nothing")
                .isFalse();
        assertThat(store.delete("m2", "replica-9/x")).isFalse();
        assertThat(store.reschedule(claimed.get(0).failed("HTTP 503", now), "replica-1/a"))
                .isTrue();
        assertThat(store.claimDue(now, "replica-2/b", now.plusSeconds(60), 10))
                .extracting(OutboundMessage::id)
                .containsExactly("m1");
        assertThat(store.claimDue(now.plusSeconds(61), "replica-2/c", now.plusSeconds(121), 10))
                .extracting(OutboundMessage::id)
                .containsExactly("m1", "m2");
    }

    @Test
    void theOutboxGivesTheOldestMessageOfEachProcessFirst() {
        NegotiationStore store = tax.store;
        store.enqueue(new OutboundMessage("m1", "p1", "https://a/1", "{}", 0, clock.instant(), null, clock.instant()));
        store.enqueue(new OutboundMessage("m2", "p1", "https://a/2", "{}", 0, clock.instant(), null, clock.instant()));
        store.enqueue(new OutboundMessage("m3", "p2", "https://a/3", "{}", 0, clock.instant(), null, clock.instant()));

        assertThat(store.due(clock.instant(), 10))
                .extracting(OutboundMessage::id)
                .containsExactly("m1", "m3");
        store.reschedule(
                store.due(clock.instant(), 10)
                        .get(0)
                        .failed("down", clock.instant().plusSeconds(5)),
                null);
        assertThat(store.due(clock.instant(), 10))
                .as("p1 waits for m1; m2 does not overtake it")
                .extracting(OutboundMessage::id)
                .containsExactly("m3");
        store.delete("m1", null);
        assertThat(store.due(clock.instant(), 10))
                .extracting(OutboundMessage::id)
                .containsExactly("m2", "m3");
        assertThat(store.deleteAllOf("p1")).isEqualTo(1);
    }

    @Test
    void updatesAreConditionalOnTheVersionAndAConsumerPidOpensOneNegotiation() {
        ContractNegotiation n = new ContractNegotiation(
                "urn:uuid:n1",
                ProcessRole.PROVIDER,
                "urn:uuid:n1",
                "urn:uuid:c1",
                BANK,
                bank.address,
                NegotiationState.REQUESTED,
                OFFER.uid(),
                PRODUCT,
                "{}",
                null,
                null,
                0,
                clock.instant(),
                clock.instant());
        NegotiationStore store = tax.store;

        assertThat(store.insert(n)).isTrue();
        assertThat(store.insert(new ContractNegotiation(
                        "urn:uuid:n2",
                        ProcessRole.PROVIDER,
                        "urn:uuid:n2",
                        "urn:uuid:c1",
                        BANK,
                        bank.address,
                        NegotiationState.REQUESTED,
                        OFFER.uid(),
                        PRODUCT,
                        "{}",
                        null,
                        null,
                        0,
                        clock.instant(),
                        clock.instant())))
                .isFalse();
        ContractNegotiation agreed = n.moved(NegotiationState.AGREED, clock.instant());
        assertThat(store.update(agreed, 0)).isTrue();
        assertThat(store.update(n.moved(NegotiationState.TERMINATED, clock.instant()), 0))
                .as("a stale writer loses")
                .isFalse();
        assertThat(store.find("urn:uuid:n1").orElseThrow().state()).isEqualTo(NegotiationState.AGREED);
        assertThat(store.findByConsumerPid(ProcessRole.PROVIDER, BANK, "urn:uuid:c1"))
                .isPresent();
    }

    private String finalizedAgreement() {
        ContractNegotiation requested =
                bank.consumer.request(TAX, tax.address, offer()).orElseThrow();
        network.settle();
        return bank.store.find(requested.id()).orElseThrow().agreementId();
    }

    @Test
    void aTransferUnderTheAgreementStartsAndIsSuspendedResumedAndCompleted() {
        String agreement = finalizedAgreement();

        TransferProcess requested =
                bank.transfers.request(agreement, "TDS-SANDBOX").orElseThrow();
        network.settle();
        TransferProcess atBank =
                bank.transfers.list(ProcessRole.CONSUMER, null, 10).get(0);
        TransferProcess atTax =
                tax.transfers.list(ProcessRole.PROVIDER, null, 10).get(0);
        assertThat(atBank.id()).isEqualTo(requested.id());
        assertThat(atBank.state()).isEqualTo(TransferState.STARTED);
        assertThat(atTax.state()).isEqualTo(TransferState.STARTED);
        assertThat(atBank.providerPid()).isEqualTo(atTax.id());

        bank.transfers
                .control(atBank.id(), TransferState.Event.SUSPEND, "pausing")
                .orElseThrow();
        network.settle();
        assertThat(tax.transfers.find(bankIdentity(), atTax.id()).orElseThrow().state())
                .isEqualTo(TransferState.SUSPENDED);
        bank.transfers.control(atBank.id(), TransferState.Event.START, null).orElseThrow();
        network.settle();
        tax.transfers.control(atTax.id(), TransferState.Event.COMPLETE, null).orElseThrow();
        network.settle();

        assertThat(bank.transfers.list(ProcessRole.CONSUMER, TransferState.COMPLETED, 10))
                .hasSize(1);
        assertThat(tax.transfers.list(ProcessRole.PROVIDER, TransferState.COMPLETED, 10))
                .hasSize(1);
        assertThat(tax.evidenceTypes())
                .containsSubsequence(
                        "transfer.requested",
                        "transfer.started",
                        "transfer.suspended",
                        "transfer.started",
                        "transfer.completed");
    }

    @Test
    void aProviderThatHoldsATransferBackLeavesItRequestedAndOneThatDeclinesEndsIt() {
        String agreement = finalizedAgreement();
        transferNext = TransferReaction.Next.WAIT;

        TransferProcess held = bank.transfers.request(agreement, "TDS-SANDBOX").orElseThrow();
        network.settle();

        assertThat(bank.transfers.local(held.id()).orElseThrow().state()).isEqualTo(TransferState.REQUESTED);
        assertThat(tax.transfers.list(ProcessRole.PROVIDER, TransferState.REQUESTED, 10))
                .hasSize(1);

        transferNext = TransferReaction.Next.TERMINATE;
        TransferProcess declined =
                bank.transfers.request(agreement, "TDS-SANDBOX").orElseThrow();
        network.settle();

        TransferProcess atBank = bank.transfers.local(declined.id()).orElseThrow();
        assertThat(atBank.state()).isEqualTo(TransferState.TERMINATED);
        assertThat(atBank.reason()).contains("the provider declined the transfer");
        assertThat(tax.transfers.list(ProcessRole.PROVIDER, TransferState.TERMINATED, 10))
                .hasSize(1);
    }

    @Test
    void aTransferInAFormatThePolicyExcludesIsRefusedAndEndsWithTheReason() {
        String agreement = finalizedAgreement();

        TransferProcess requested =
                bank.transfers.request(agreement, "HttpData-PULL").orElseThrow();
        network.settle();

        TransferProcess ended =
                bank.transfers.list(ProcessRole.CONSUMER, null, 10).get(0);
        assertThat(ended.id()).isEqualTo(requested.id());
        assertThat(ended.state()).isEqualTo(TransferState.TERMINATED);
        assertThat(ended.reason())
                .contains("(403)")
                .contains("dsp-policy-denied")
                .contains("交付方式");
        assertThat(tax.transfers.list(ProcessRole.PROVIDER, null, 10)).isEmpty();
    }

    @Test
    void aConsumersPushAddressTravelsInItsRequestToTheProvidersProcess() {
        String agreement = finalizedAgreement();
        pushTarget = json("{\"@type\":\"DataAddress\",\"endpointType\":\"https://w3id.org/idsa/v4.1/HTTP\","
                        + "\"endpoint\":\"https://bank.test/api/data/v1/incoming/x\"}")
                .deepCopy();

        bank.transfers.request(agreement, "TDS-SANDBOX").orElseThrow();
        network.settle();

        TransferProcess atTax =
                tax.transfers.list(ProcessRole.PROVIDER, null, 10).get(0);
        assertThat(json(atTax.dataAddress()).path("endpoint").asText())
                .isEqualTo("https://bank.test/api/data/v1/incoming/x");
        assertThat(DspSchemas.bundled()
                        .violations(
                                DspMessageType.TRANSFER_REQUEST,
                                DspMessages.transferRequest(
                                        "urn:uuid:p1", agreement, "HttpData-PUSH", bank.address, pushTarget)))
                .isEmpty();
    }

    @Test
    void aRequestTheConsumersDataPlaneRefusesOpensNothing() {
        String agreement = finalizedAgreement();
        requestRefusal = Problem.conflict("disk-full", "no room for the copy");

        assertThat(bank.transfers.request(agreement, "TDS-SANDBOX").problem().code())
                .isEqualTo("disk-full");
        network.settle();

        assertThat(bank.transfers.list(ProcessRole.CONSUMER, null, 10)).isEmpty();
        assertThat(tax.transfers.list(ProcessRole.PROVIDER, null, 10)).isEmpty();
    }

    @Test
    void aConsumersUsageReportReachesTheProviderOnceAndOnlyFromTheConsumer() {
        String agreement = finalizedAgreement();
        UsageReport read = new UsageReport(
                "report-1", agreement, "READ", "tds:purpose/credit-risk", 1, 3_000, 288_506, clock.instant());

        assertThat(bank.agreements.report(read).isOk()).isTrue();
        network.settle();
        assertThat(tax.reportsReceived).containsOnlyKeys("report-1");
        assertThat(tax.evidenceTypes()).contains("usage.reported");

        byte[] again = bytes(usageMessage(agreement, "report-1"));
        DspResponse retried =
                tax.agreements.handle("POST", "/agreements/" + agreement + "/usage", bankIdentity(), again);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().path("recorded").asText()).isEqualTo("before");
        assertThat(tax.evidenceTypes().stream().filter("usage.reported"::equals))
                .hasSize(1);

        DspResponse stranger = tax.agreements.handle(
                "POST",
                "/agreements/" + agreement + "/usage",
                new Counterparty(SHOP, "零售业", null, null),
                bytes(usageMessage(agreement, "report-2")));
        assertThat(stranger.status()).isEqualTo(404);
        DspResponse malformed = tax.agreements.handle(
                "POST",
                "/agreements/" + agreement + "/usage",
                bankIdentity(),
                "{\"@type\":\"tds:UsageReportMessage\",\"agreementId\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(tax.reportsReceived).containsOnlyKeys("report-1");
        assertThat(shop.agreements.report(read).problem().code())
                .as("only the agreement's consumer reports under it")
                .isEqualTo("dsp-unknown-agreement");
    }

    private ObjectNode usageMessage(String agreement, String reportId) {
        ObjectNode m = new ObjectMapper().createObjectNode();
        m.putArray("@context").add(city.tds.protocol.Dsp.CONTEXT);
        return m.put("@type", Agreements.USAGE_TYPE)
                .put("reportId", reportId)
                .put("agreementId", agreement)
                .put("kind", "READ")
                .put("purpose", "tds:purpose/credit-risk")
                .put("use", 1)
                .put("records", 3_000)
                .put("bytes", 288_506)
                .put("at", clock.instant().toString());
    }

    @Test
    void transfersNeedAFinalizedAgreementOfOneselfAndAKnownFormat() {
        assertThat(bank.transfers
                        .request("urn:tds:agreement:none", "TDS-SANDBOX")
                        .problem()
                        .code())
                .isEqualTo("dsp-unknown-agreement");
        String agreement = finalizedAgreement();
        assertThat(bank.transfers.request(agreement, "FTP").problem().code()).isEqualTo("dsp-unknown-format");
        assertThat(shop.transfers.request(agreement, "TDS-SANDBOX").problem().code())
                .isEqualTo("dsp-unknown-agreement");
        DspResponse stranger = tax.transferEndpoints.handle(
                "POST",
                "/transfers/request",
                new Counterparty(SHOP, "零售业", null, null),
                bytes(DspMessages.transferRequest("urn:uuid:s1", agreement, "TDS-SANDBOX", shop.address)));
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.body().path("@type").asText()).isEqualTo("TransferError");
        assertThat(DspSchemas.bundled()
                        .violations(
                                DspMessageType.TRANSFER_REQUEST,
                                DspMessages.transferRequest("urn:uuid:s1", agreement, "TDS-SANDBOX", shop.address)))
                .isEmpty();
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
