package city.tds.server.demo;

import city.tds.evidence.log.EvidenceLog;
import city.tds.protocol.NegotiationState;
import city.tds.protocol.TransferState;
import city.tds.protocol.negotiation.ContractNegotiation;
import city.tds.protocol.transfer.TransferProcess;
import city.tds.server.node.TdsNode;
import city.tds.server.protocol.ConnectorMembership;
import city.tds.server.protocol.DspClient;
import city.tds.server.protocol.ProtocolAssembly;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The demo's contract step: every connector joins the space as the participant onboarding made it; the bank reads
 * the tax bureau's catalog over the Dataspace Protocol and negotiates for its tax-credit product, both connectors end
 * with the agreement, recorded in their evidence logs, and the bank starts a sandbox transfer under it.
 */
public final class DemoContract {

    /** The tax bureau's privacy-computing product the bank negotiates for here. */
    static final String CREDIT_SCORING = "小微企业纳税信用评估";

    private DemoContract() {}

    /** What the negotiation ended with. */
    public record Agreed(
            String consumerPid,
            String providerPid,
            String agreementId,
            NegotiationState bankState,
            NegotiationState taxState,
            List<Long> bankEvidence,
            List<Long> taxEvidence,
            String transferId,
            TransferState bankTransfer,
            TransferState taxTransfer) {}

    public static Agreed run(Demo demo, List<DemoOnboarding.Onboarded> onboarded, Consumer<String> progress) {
        TdsNode space = demo.nodes().get(0).node();
        ProtocolAssembly.Joined tax = null;
        ProtocolAssembly.Joined bank = null;
        TdsNode taxNode = null;
        TdsNode bankNode = null;
        for (DemoOnboarding.Onboarded o : onboarded) {
            TdsNode node = node(demo, o.participant());
            ProtocolAssembly.Joined joined = node.protocol()
                    .orElseThrow()
                    .join(new ConnectorMembership(space.url(), o.participantId(), o.clientId()));
            if (o.participant().nodeName().equals("tax-bureau")) {
                tax = joined;
                taxNode = node;
            } else if (o.participant().nodeName().equals("bank")) {
                bank = joined;
                bankNode = node;
            }
        }
        if (tax == null || bank == null) {
            throw new IllegalStateException("the demo needs the tax bureau's and the bank's connectors");
        }
        String taxAddress = taxNode.protocol().orElseThrow().selfAddress();
        progress.accept("连接器加入空间 / the connectors joined the space; DSP at " + taxAddress + " and "
                + bankNode.protocol().orElseThrow().selfAddress());

        ObjectNode catalog = bank.client().catalog(taxAddress).orElseThrow();
        JsonNode dataset = catalog.path("dataset").get(0);
        for (JsonNode d : catalog.path("dataset")) {
            if (d.path("dct:title").asText().equals(CREDIT_SCORING)) {
                dataset = d;
            }
        }
        progress.accept("银行读取税务局目录 / the bank read the tax bureau's DSP catalog: "
                + catalog.path("dataset").size() + " dataset(s), first 「"
                + dataset.path("dct:title").asText()
                + "」 with offer " + dataset.path("hasPolicy").get(0).path("@id").asText());

        ContractNegotiation requested = bank.consumer()
                .request(tax.session().membership().participantId(), taxAddress, DspClient.requestableOffer(dataset))
                .orElseThrow();
        progress.accept("银行发起合同协商 / the bank requested the offer: negotiation " + requested.id());

        ProtocolAssembly.Joined consumer = bank;
        ContractNegotiation ended = awaitEnd(() -> consumer.consumer().list(null, 50).stream()
                .filter(n -> n.id().equals(requested.id()))
                .findFirst()
                .orElseThrow());
        if (ended.state() != NegotiationState.FINALIZED) {
            throw new IllegalStateException("the negotiation ended " + ended.state() + ": " + ended.reason());
        }
        ProtocolAssembly.Joined provider = tax;
        ContractNegotiation atTax = awaitEnd(() -> provider.provider().list(null, 50).stream()
                .filter(n -> n.id().equals(ended.providerPid()))
                .findFirst()
                .orElseThrow());
        List<Long> bankEvidence = evidence(bankNode.evidence(), ended.agreementId());
        List<Long> taxEvidence = evidence(taxNode.evidence(), ended.agreementId());
        progress.accept("协议达成 / agreed and finalized: agreement " + ended.agreementId());
        progress.accept("存证 / evidence: bank records " + bankEvidence + ", tax bureau records " + taxEvidence
                + " (contract.agreed, contract.finalized)");

        TransferProcess transfer =
                bank.transfers().request(ended.agreementId(), "TDS-SANDBOX").orElseThrow();
        progress.accept(
                "银行在协议下发起数据沙箱传输 / the bank asked for a TDS-SANDBOX transfer under the agreement: " + transfer.id());
        TransferProcess started = awaitTransfer(bank, transfer.id());
        TransferProcess atProvider = awaitTransfer(tax, started.providerPid());
        progress.accept("传输已开始 / the transfer started on both connectors (" + started.state() + " / "
                + atProvider.state() + "); a sandbox transfer moves no data until the sandbox is built");
        return new Agreed(
                ended.id(),
                ended.providerPid(),
                ended.agreementId(),
                ended.state(),
                atTax.state(),
                bankEvidence,
                taxEvidence,
                started.id(),
                started.state(),
                atProvider.state());
    }

    private static TransferProcess awaitTransfer(ProtocolAssembly.Joined side, String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Optional<TransferProcess> t =
                id == null ? Optional.empty() : side.transfers().local(id);
        while (t.isEmpty() || t.get().state() == TransferState.REQUESTED) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the transfer " + id + " did not start within 30 s: " + t);
            }
            DemoEvidence.pause();
            t = side.transfers().local(id);
        }
        return t.get();
    }

    private static TdsNode node(Demo demo, DemoParticipant participant) {
        return demo.nodes().stream()
                .filter(r -> r.participant().equals(participant))
                .findFirst()
                .orElseThrow()
                .node();
    }

    private static ContractNegotiation awaitEnd(Supplier<ContractNegotiation> probe) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        ContractNegotiation n = probe.get();
        while (!n.state().isTerminal()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the negotiation did not end within 30 s; it is " + n.state());
            }
            DemoEvidence.pause();
            n = probe.get();
        }
        return n;
    }

    /** The sequence numbers of the agreement's evidence records, once the log has numbered both. */
    private static List<Long> evidence(EvidenceLog log, String agreementId) {
        return DemoEvidence.numbers(log, "agreement:" + agreementId, null, 2);
    }
}
