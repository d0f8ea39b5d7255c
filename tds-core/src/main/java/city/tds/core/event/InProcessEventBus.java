package city.tds.core.event;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Synchronous {@link EventBus}: subscribers run on the publishing thread. */
public final class InProcessEventBus implements EventBus {

    private static final System.Logger LOG = System.getLogger(InProcessEventBus.class.getName());

    private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();

    @Override
    public void publish(DomainEvent event) {
        for (Subscription<?> subscription : subscriptions) {
            subscription.deliver(event);
        }
    }

    @Override
    public <E extends DomainEvent> AutoCloseable subscribe(Class<E> type, Consumer<? super E> subscriber) {
        Subscription<E> subscription = new Subscription<>(type, subscriber);
        subscriptions.add(subscription);
        return () -> subscriptions.remove(subscription);
    }

    private record Subscription<E extends DomainEvent>(Class<E> type, Consumer<? super E> subscriber) {
        void deliver(DomainEvent event) {
            if (!type.isInstance(event)) {
                return;
            }
            try {
                subscriber.accept(type.cast(event));
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "subscriber of " + type.getSimpleName() + " failed on " + event.type(), e);
            }
        }
    }
}
