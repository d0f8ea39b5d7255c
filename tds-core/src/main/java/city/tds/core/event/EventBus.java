package city.tds.core.event;

import java.util.function.Consumer;

/**
 * In-process publication of {@link DomainEvent}s. Feature modules learn of each other's changes through events rather
 * than by calling each other's internals.
 */
public interface EventBus {

    /** Delivers the event to every subscriber of its class (or a supertype), in subscription order. */
    void publish(DomainEvent event);

    /**
     * Registers a subscriber. A subscriber that throws does not stop delivery to the others.
     *
     * @return a handle that removes the subscription when closed
     */
    <E extends DomainEvent> AutoCloseable subscribe(Class<E> type, Consumer<? super E> subscriber);
}
