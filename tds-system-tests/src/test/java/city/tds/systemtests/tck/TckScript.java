package city.tds.systemtests.tck;

import city.tds.protocol.negotiation.ConsumerReaction;
import city.tds.protocol.negotiation.ProviderReaction;
import city.tds.protocol.transfer.TransferReaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the DSP TCK 1.0.0-RC6 expects of the connector under test, test by test: which dataset, offer or agreement
 * each test uses (its {@code CN_01_01_DATASETID}-style configuration), and what the connector does at each step
 * where the protocol leaves the choice to it. The TCK drives its own side; the connector's side of every scenario is
 * scripted here, by the dataset (negotiations) or agreement (transfers) the scenario uses.
 *
 * <p>Steps a scenario takes on its own initiative after a message went out (an offer followed by a termination, a
 * started transfer that is suspended and then completed) are {@link Step}s, performed by the harness one at a time,
 * each after the previous message was taken.
 */
final class TckScript {

    /** The participant id the TCK uses for itself. */
    static final String TCK_PARTICIPANT = "TCK_PARTICIPANT";

    /** A later step and when it happens. */
    record Step(Trigger trigger, Action action) {}

    enum Trigger {
        /** After the connector's previous message for the process was taken by the TCK. */
        DELIVERED,
        /** After the TCK started the transfer (a TransferStartMessage to this consumer). */
        STARTED
    }

    enum Action {
        SUSPEND,
        START,
        COMPLETE,
        TERMINATE
    }

    private final Map<String, Map<ProviderReaction.Moment, ProviderReaction.Next>> provider = new LinkedHashMap<>();
    private final Map<String, Map<ConsumerReaction.Moment, ConsumerReaction.Next>> consumer = new LinkedHashMap<>();
    private final Map<String, TransferReaction.Next> transferStart = new LinkedHashMap<>();
    private final Map<String, List<Step>> steps = new LinkedHashMap<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<String> catalogDatasets = List.of("CAT0101", "CAT0102");

    TckScript() {
        properties.put("CAT_01_01_DATASETID", "CAT0101");
        properties.put("CAT_01_02_DATASETID", "CAT0102");
        // CAT_01_03 asks for a dataset that does not exist: the TCK's random default is one

        providerNegotiation("CN_01_01", "ACN0101", offer());
        providerNegotiation("CN_01_02", "ACN0102", offer(), counter(ProviderReaction.Next.TERMINATE));
        providerNegotiation("CN_01_03", "ACN0103", offer());
        providerNegotiation("CN_01_04", "ACN0104");
        providerNegotiation("CN_02_01", "ACN0201", requested(ProviderReaction.Next.TERMINATE));
        providerNegotiation("CN_02_02", "ACN0202", requested(ProviderReaction.Next.WAIT));
        providerNegotiation("CN_02_03", "ACN0203");
        providerNegotiation("CN_02_04", "ACN0204", offer());
        providerNegotiation("CN_02_05", "ACN0205", offer());
        steps.put("ACN0205", List.of(new Step(Trigger.DELIVERED, Action.TERMINATE)));
        providerNegotiation("CN_02_06", "ACN0206", offer(), accepted(ProviderReaction.Next.TERMINATE));
        providerNegotiation(
                "CN_02_07", "ACN0207", Map.entry(ProviderReaction.Moment.VERIFIED, ProviderReaction.Next.TERMINATE));
        providerNegotiation("CN_03_01", "ACN0301");
        providerNegotiation("CN_03_02", "ACN0302", offer());
        providerNegotiation("CN_03_03", "ACN0303", offer(), accepted(ProviderReaction.Next.WAIT));
        providerNegotiation("CN_03_04", "ACN0304", offer(), counter(ProviderReaction.Next.WAIT));

        consumerNegotiation("CN_C_01_01", "CNC0101");
        consumerNegotiation("CN_C_01_02", "CNC0102", offered(ConsumerReaction.Next.REQUEST));
        consumerNegotiation("CN_C_01_03", "CNC0103", offered(ConsumerReaction.Next.TERMINATE));
        consumerNegotiation("CN_C_01_04", "CNC0104");
        consumerNegotiation("CN_C_02_01", "CNC0201");
        consumerNegotiation("CN_C_02_02", "CNC0202");
        steps.put("CNC0202", List.of(new Step(Trigger.DELIVERED, Action.TERMINATE)));
        consumerNegotiation("CN_C_02_03", "CNC0203", agreed(ConsumerReaction.Next.TERMINATE));
        consumerNegotiation("CN_C_02_04", "CNC0204", offered(ConsumerReaction.Next.WAIT));
        consumerNegotiation("CN_C_02_05", "CNC0205");
        consumerNegotiation("CN_C_02_06", "CNC0206");
        consumerNegotiation("CN_C_03_01", "CNC0301");
        consumerNegotiation("CN_C_03_02", "CNC0302", offered(ConsumerReaction.Next.WAIT));
        consumerNegotiation("CN_C_03_03", "CNC0303", offered(ConsumerReaction.Next.WAIT));
        consumerNegotiation("CN_C_03_04", "CNC0304");
        consumerNegotiation("CN_C_03_05", "CNC0305");
        consumerNegotiation("CN_C_03_06", "CNC0306", agreed(ConsumerReaction.Next.WAIT));

        providerTransfer("TP_01_01", "ATP0101", TransferReaction.Next.START, delivered(Action.TERMINATE));
        providerTransfer("TP_01_02", "ATP0102", TransferReaction.Next.START, delivered(Action.COMPLETE));
        providerTransfer(
                "TP_01_03",
                "ATP0103",
                TransferReaction.Next.START,
                delivered(Action.SUSPEND),
                delivered(Action.TERMINATE));
        providerTransfer(
                "TP_01_04",
                "ATP0104",
                TransferReaction.Next.START,
                delivered(Action.SUSPEND),
                delivered(Action.START),
                delivered(Action.COMPLETE));
        providerTransfer("TP_01_05", "ATP0105", TransferReaction.Next.TERMINATE);
        providerTransfer("TP_02_01", "ATP0201", TransferReaction.Next.START);
        providerTransfer("TP_02_02", "ATP0202", TransferReaction.Next.START);
        providerTransfer("TP_02_03", "ATP0203", TransferReaction.Next.START);
        providerTransfer("TP_02_04", "ATP0204", TransferReaction.Next.START);
        providerTransfer("TP_02_05", "ATP0205", TransferReaction.Next.WAIT);
        providerTransfer("TP_03_01", "ATP0301", TransferReaction.Next.WAIT);
        providerTransfer("TP_03_02", "ATP0302", TransferReaction.Next.WAIT);
        for (String test : List.of("TP_03_03", "TP_03_04", "TP_03_05", "TP_03_06")) {
            providerTransfer(test, "ATP" + test.substring(3).replace("_", ""), TransferReaction.Next.START);
        }

        consumerTransfer("TP_C_01_01", "ATPC0101");
        consumerTransfer("TP_C_01_02", "ATPC0102");
        consumerTransfer("TP_C_01_03", "ATPC0103");
        consumerTransfer("TP_C_01_04", "ATPC0104");
        consumerTransfer("TP_C_01_05", "ATPC0105");
        consumerTransfer("TP_C_02_01", "ATPC0201", new Step(Trigger.STARTED, Action.TERMINATE));
        consumerTransfer("TP_C_02_02", "ATPC0202", new Step(Trigger.STARTED, Action.COMPLETE));
        consumerTransfer(
                "TP_C_02_03",
                "ATPC0203",
                new Step(Trigger.STARTED, Action.SUSPEND),
                new Step(Trigger.DELIVERED, Action.TERMINATE));
        consumerTransfer("TP_C_02_04", "ATPC0204");
        consumerTransfer("TP_C_02_05", "ATPC0205", new Step(Trigger.DELIVERED, Action.TERMINATE));
        for (String test :
                List.of("TP_C_03_01", "TP_C_03_02", "TP_C_03_03", "TP_C_03_04", "TP_C_03_05", "TP_C_03_06")) {
            consumerTransfer(test, "ATPC" + test.substring(5).replace("_", ""));
        }
    }

    /** The TCK's per-test configuration: dataset, offer, agreement and format ids. */
    Map<String, String> properties() {
        return Map.copyOf(properties);
    }

    /** The datasets the provider side lists in its catalog and negotiates for. */
    List<String> providerDatasets() {
        List<String> all = new java.util.ArrayList<>(catalogDatasets);
        all.addAll(provider.keySet());
        return all;
    }

    /** The offer id the TCK's provider tests request for {@code dataset}. */
    static String offerId(String dataset) {
        return "CD123:" + dataset + ":456";
    }

    /** Agreements the connector holds as provider, with {@link #TCK_PARTICIPANT} as consumer. */
    List<String> providerAgreements() {
        return transferStart.keySet().stream()
                .filter(a -> !a.startsWith("ATPC"))
                .toList();
    }

    /** Agreements the connector holds as consumer, with {@link #TCK_PARTICIPANT} as provider. */
    List<String> consumerAgreements() {
        return properties.entrySet().stream()
                .filter(e -> e.getKey().startsWith("TP_C_") && e.getKey().endsWith("_AGREEMENTID"))
                .map(Map.Entry::getValue)
                .toList();
    }

    ProviderReaction providerReaction() {
        return (moment, negotiation, offer, consumer) -> provider.getOrDefault(offer.target(), Map.of())
                .getOrDefault(moment, ProviderReaction.AGREE.next(moment, negotiation, offer, consumer));
    }

    ConsumerReaction consumerReaction() {
        return (moment, negotiation, asRequested) -> consumer.getOrDefault(negotiation.target(), Map.of())
                .getOrDefault(moment, ConsumerReaction.AS_REQUESTED.next(moment, negotiation, asRequested));
    }

    TransferReaction transferReaction() {
        return (requested, agreement) -> transferStart.getOrDefault(agreement.id(), TransferReaction.Next.START);
    }

    /** The {@code index}-th later step of the scenario keyed {@code key} (a dataset or an agreement), if any. */
    Optional<Step> step(String key, int index) {
        List<Step> list = steps.getOrDefault(key, List.of());
        return index < list.size() ? Optional.of(list.get(index)) : Optional.empty();
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // the array goes only to Map.ofEntries, which reads it
    private void providerNegotiation(
            String test, String dataset, Map.Entry<ProviderReaction.Moment, ProviderReaction.Next>... reactions) {
        properties.put(test + "_DATASETID", dataset);
        properties.put(test + "_OFFERID", offerId(dataset));
        provider.put(dataset, Map.ofEntries(reactions));
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // the array goes only to Map.ofEntries, which reads it
    private void consumerNegotiation(
            String test, String dataset, Map.Entry<ConsumerReaction.Moment, ConsumerReaction.Next>... reactions) {
        properties.put(test + "_DATASETID", dataset);
        consumer.put(dataset, Map.ofEntries(reactions));
    }

    private void providerTransfer(String test, String agreement, TransferReaction.Next onRequest, Step... later) {
        properties.put(test + "_AGREEMENTID", agreement);
        properties.put(test + "_FORMAT", "HttpData-PULL");
        transferStart.put(agreement, onRequest);
        steps.put(agreement, List.of(later));
    }

    private void consumerTransfer(String test, String agreement, Step... later) {
        properties.put(test + "_AGREEMENTID", agreement);
        properties.put(test + "_FORMAT", "HttpData-PULL");
        steps.put(agreement, List.of(later));
    }

    private static Map.Entry<ProviderReaction.Moment, ProviderReaction.Next> offer() {
        return requested(ProviderReaction.Next.OFFER);
    }

    private static Map.Entry<ProviderReaction.Moment, ProviderReaction.Next> requested(ProviderReaction.Next next) {
        return Map.entry(ProviderReaction.Moment.REQUESTED, next);
    }

    private static Map.Entry<ProviderReaction.Moment, ProviderReaction.Next> counter(ProviderReaction.Next next) {
        return Map.entry(ProviderReaction.Moment.COUNTER_REQUESTED, next);
    }

    private static Map.Entry<ProviderReaction.Moment, ProviderReaction.Next> accepted(ProviderReaction.Next next) {
        return Map.entry(ProviderReaction.Moment.ACCEPTED, next);
    }

    private static Map.Entry<ConsumerReaction.Moment, ConsumerReaction.Next> offered(ConsumerReaction.Next next) {
        return Map.entry(ConsumerReaction.Moment.OFFERED, next);
    }

    private static Map.Entry<ConsumerReaction.Moment, ConsumerReaction.Next> agreed(ConsumerReaction.Next next) {
        return Map.entry(ConsumerReaction.Moment.AGREED, next);
    }

    private static Step delivered(Action action) {
        return new Step(Trigger.DELIVERED, action);
    }
}
