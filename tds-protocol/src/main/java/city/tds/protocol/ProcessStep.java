package city.tds.protocol;

/** What a protocol message does to a negotiation or transfer process. */
public sealed interface ProcessStep<S> {

    /** The state the process is in after the message. */
    S state();

    /** Whether the message changed nothing because it had been applied before. */
    default boolean duplicate() {
        return this instanceof Duplicate;
    }

    /** The process moves to {@code state}. */
    record Move<S>(S state) implements ProcessStep<S> {}

    /** The process already is in {@code state} because of this very message; nothing changes. */
    record Duplicate<S>(S state) implements ProcessStep<S> {}
}
