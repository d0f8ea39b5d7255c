package city.tds.protocol;

import static city.tds.protocol.ProcessRole.CONSUMER;
import static city.tds.protocol.ProcessRole.PROVIDER;
import static city.tds.protocol.TransferState.Event.COMPLETE;
import static city.tds.protocol.TransferState.Event.REQUEST;
import static city.tds.protocol.TransferState.Event.START;
import static city.tds.protocol.TransferState.Event.SUSPEND;
import static city.tds.protocol.TransferState.Event.TERMINATE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransferStateTest {

    @Test
    void requestStartSuspendResumeComplete() {
        TransferState state = TransferState.opening(REQUEST).orElseThrow();
        state = state.apply(START, PROVIDER).value().state();
        state = state.apply(SUSPEND, CONSUMER).value().state();
        assertThat(state).isEqualTo(TransferState.SUSPENDED);
        state = state.apply(START, CONSUMER).value().state();
        state = state.apply(COMPLETE, CONSUMER).value().state();

        assertThat(state).isEqualTo(TransferState.COMPLETED);
        assertThat(state.isTerminal()).isTrue();
    }

    @Test
    void onlyTheProviderStartsARequestedTransfer() {
        assertThat(TransferState.REQUESTED.apply(START, CONSUMER).problem().detail())
                .isEqualTo("the transfer process is REQUESTED; START from the consumer is not allowed; allowed now:"
                        + " START from the provider, TERMINATE from the provider, TERMINATE from the consumer");
    }

    @Test
    void aCompletedOrTerminatedTransferNeverChanges() {
        assertThat(TransferState.COMPLETED.apply(START, PROVIDER).problem().detail())
                .contains("a COMPLETED process never changes");
        assertThat(TransferState.TERMINATED.apply(TERMINATE, PROVIDER).value().duplicate())
                .isTrue();
        assertThat(TransferState.COMPLETED.apply(TERMINATE, CONSUMER).isOk()).isFalse();
    }

    @Test
    void aRepeatedStartIsADuplicate() {
        assertThat(TransferState.STARTED.apply(START, PROVIDER).value().duplicate())
                .isTrue();
        assertThat(TransferState.REQUESTED.apply(COMPLETE, PROVIDER).isOk()).isFalse();
    }
}
