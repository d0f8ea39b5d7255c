package city.tds.protocol;

import city.tds.core.Result;
import java.util.EnumSet;
import java.util.Optional;

/** The states of a DSP transfer process, and the table of what moves it from one to another. */
public enum TransferState {
    REQUESTED,
    STARTED,
    SUSPENDED,
    COMPLETED,
    TERMINATED;

    /** The messages that move a transfer process. */
    public enum Event {
        /** {@code TransferRequestMessage}: the consumer asks for a transfer under an agreement. */
        REQUEST,
        /** {@code TransferStartMessage}: the provider starts; either side resumes a suspended transfer. */
        START,
        /** {@code TransferSuspensionMessage}: either side pauses. */
        SUSPEND,
        /** {@code TransferCompletionMessage}: either side reports the transfer done. */
        COMPLETE,
        /** {@code TransferTerminationMessage}: either side ends the transfer. */
        TERMINATE
    }

    private static final EnumSet<TransferState> ACTIVE = EnumSet.of(REQUESTED, STARTED, SUSPENDED);

    private static final Transitions<TransferState, Event> TABLE = new Transitions<>(
                    TransferState.class, Event.class, EnumSet.of(COMPLETED, TERMINATED), "transfer process")
            .starts(Event.REQUEST, REQUESTED)
            .allow(Event.START, ProcessRole.PROVIDER, EnumSet.of(REQUESTED, SUSPENDED), STARTED)
            .allow(Event.START, ProcessRole.CONSUMER, EnumSet.of(SUSPENDED), STARTED)
            .allow(Event.SUSPEND, ProcessRole.PROVIDER, EnumSet.of(STARTED), SUSPENDED)
            .allow(Event.SUSPEND, ProcessRole.CONSUMER, EnumSet.of(STARTED), SUSPENDED)
            .allow(Event.COMPLETE, ProcessRole.PROVIDER, EnumSet.of(STARTED), COMPLETED)
            .allow(Event.COMPLETE, ProcessRole.CONSUMER, EnumSet.of(STARTED), COMPLETED)
            .allow(Event.TERMINATE, ProcessRole.PROVIDER, ACTIVE, TERMINATED)
            .allow(Event.TERMINATE, ProcessRole.CONSUMER, ACTIVE, TERMINATED);

    /** Whether the transfer has ended (completed or terminated); an ended transfer never changes. */
    public boolean isTerminal() {
        return TABLE.terminal().contains(this);
    }

    /** What {@code event} from {@code sender} does to a transfer in this state. */
    public Result<ProcessStep<TransferState>> apply(Event event, ProcessRole sender) {
        return TABLE.apply(this, event, sender);
    }

    /** The state a transfer that {@code event} opens starts in; empty if it cannot open one. */
    public static Optional<TransferState> opening(Event event) {
        return TABLE.initialState(event);
    }

    /** The messages allowed now, for error messages. */
    public String allowed() {
        return TABLE.allowed(this);
    }
}
