package city.tds.protocol;

import static city.tds.protocol.NegotiationState.Event.ACCEPT;
import static city.tds.protocol.NegotiationState.Event.AGREE;
import static city.tds.protocol.NegotiationState.Event.FINALIZE;
import static city.tds.protocol.NegotiationState.Event.OFFER;
import static city.tds.protocol.NegotiationState.Event.REQUEST;
import static city.tds.protocol.NegotiationState.Event.TERMINATE;
import static city.tds.protocol.NegotiationState.Event.VERIFY;
import static city.tds.protocol.ProcessRole.CONSUMER;
import static city.tds.protocol.ProcessRole.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;

import city.tds.core.ProblemKind;
import city.tds.core.Result;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NegotiationStateTest {

    private static NegotiationState run(NegotiationState start, Object... eventsAndSenders) {
        NegotiationState state = start;
        for (int i = 0; i < eventsAndSenders.length; i += 2) {
            Result<ProcessStep<NegotiationState>> step =
                    state.apply((NegotiationState.Event) eventsAndSenders[i], (ProcessRole) eventsAndSenders[i + 1]);
            assertThat(step.isOk()).as(() -> step.problem().detail()).isTrue();
            assertThat(step.value().duplicate()).isFalse();
            state = step.value().state();
        }
        return state;
    }

    @Test
    void aConsumerRequestRunsToFinalized() {
        assertThat(NegotiationState.opening(REQUEST)).contains(NegotiationState.REQUESTED);
        assertThat(run(NegotiationState.REQUESTED, AGREE, PROVIDER, VERIFY, CONSUMER, FINALIZE, PROVIDER))
                .isEqualTo(NegotiationState.FINALIZED);
    }

    @Test
    void offersAndCounterRequestsAlternateUntilTheConsumerAccepts() {
        assertThat(NegotiationState.opening(OFFER)).contains(NegotiationState.OFFERED);
        assertThat(run(
                        NegotiationState.REQUESTED,
                        OFFER,
                        PROVIDER,
                        REQUEST,
                        CONSUMER,
                        OFFER,
                        PROVIDER,
                        ACCEPT,
                        CONSUMER,
                        AGREE,
                        PROVIDER))
                .isEqualTo(NegotiationState.AGREED);
        assertThat(NegotiationState.opening(AGREE)).isEmpty();
    }

    @Test
    void aMessageFromTheWrongSideIsRefusedNamingWhatIsAllowed() {
        Result<ProcessStep<NegotiationState>> step = NegotiationState.REQUESTED.apply(AGREE, CONSUMER);

        assertThat(step.problem().kind()).isEqualTo(ProblemKind.CONFLICT);
        assertThat(step.problem().code()).isEqualTo("dsp-illegal-transition");
        assertThat(step.problem().detail())
                .isEqualTo("the contract negotiation is REQUESTED; AGREE from the consumer is not allowed; allowed now:"
                        + " OFFER from the provider, AGREE from the provider, TERMINATE from the provider,"
                        + " TERMINATE from the consumer");
    }

    @Test
    void outOfOrderMessagesAreRefused() {
        assertThat(NegotiationState.REQUESTED.apply(VERIFY, CONSUMER).isOk()).isFalse();
        assertThat(NegotiationState.AGREED.apply(FINALIZE, PROVIDER).isOk()).isFalse();
        assertThat(NegotiationState.OFFERED.apply(AGREE, PROVIDER).isOk()).isFalse();
    }

    @Test
    void aRepeatedMessageIsADuplicateThatChangesNothing() {
        ProcessStep<NegotiationState> again =
                NegotiationState.AGREED.apply(AGREE, PROVIDER).value();
        ProcessStep<NegotiationState> terminatedAgain =
                NegotiationState.TERMINATED.apply(TERMINATE, CONSUMER).value();

        assertThat(again).isEqualTo(new ProcessStep.Duplicate<>(NegotiationState.AGREED));
        assertThat(terminatedAgain.duplicate()).isTrue();
        assertThat(NegotiationState.VERIFIED.apply(VERIFY, CONSUMER).value().duplicate())
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = NegotiationState.class,
            names = {"FINALIZED", "TERMINATED"})
    void aTerminalStateIsNeverLeft(NegotiationState terminal) {
        assertThat(terminal.isTerminal()).isTrue();
        for (NegotiationState.Event event : NegotiationState.Event.values()) {
            for (ProcessRole sender : ProcessRole.values()) {
                Result<ProcessStep<NegotiationState>> step = terminal.apply(event, sender);
                if (step.isOk()) {
                    assertThat(step.value().duplicate()).isTrue();
                    assertThat(step.value().state()).isEqualTo(terminal);
                } else {
                    assertThat(step.problem().detail())
                            .contains("never changes")
                            .endsWith("allowed now: nothing");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = NegotiationState.class,
            names = {"FINALIZED", "TERMINATED"},
            mode = EnumSource.Mode.EXCLUDE)
    void eitherSideMayTerminateAnActiveNegotiation(NegotiationState active) {
        assertThat(active.isTerminal()).isFalse();
        assertThat(active.apply(TERMINATE, PROVIDER).value().state()).isEqualTo(NegotiationState.TERMINATED);
        assertThat(active.apply(TERMINATE, CONSUMER).value().state()).isEqualTo(NegotiationState.TERMINATED);
    }

    @Test
    void everyStateIsReachable() {
        EnumSet<NegotiationState> reached = EnumSet.of(NegotiationState.REQUESTED, NegotiationState.OFFERED);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (NegotiationState from : EnumSet.copyOf(reached)) {
                for (NegotiationState.Event event : NegotiationState.Event.values()) {
                    for (ProcessRole sender : ProcessRole.values()) {
                        Result<ProcessStep<NegotiationState>> step = from.apply(event, sender);
                        if (step.isOk()) {
                            grew |= reached.add(step.value().state());
                        }
                    }
                }
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(NegotiationState.values());
    }
}
