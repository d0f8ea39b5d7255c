package city.tds.protocol;

/** Which side of a negotiation or transfer a connector is on, or which side sent a message. */
public enum ProcessRole {
    PROVIDER,
    CONSUMER;

    public ProcessRole other() {
        return this == PROVIDER ? CONSUMER : PROVIDER;
    }
}
