package city.tds.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InProcessEventBusTest {

    record Approved(String id) implements DomainEvent {
        @Override
        public String type() {
            return "test.approved";
        }

        @Override
        public Instant occurredAt() {
            return Instant.EPOCH;
        }
    }

    record Rejected(String id) implements DomainEvent {
        @Override
        public String type() {
            return "test.rejected";
        }

        @Override
        public Instant occurredAt() {
            return Instant.EPOCH;
        }
    }

    private final InProcessEventBus bus = new InProcessEventBus();

    @Test
    void deliversByTypeAndSupertype() {
        List<String> approved = new ArrayList<>();
        List<String> all = new ArrayList<>();
        bus.subscribe(Approved.class, e -> approved.add(e.id()));
        bus.subscribe(DomainEvent.class, e -> all.add(e.type()));

        bus.publish(new Approved("a1"));
        bus.publish(new Rejected("r1"));

        assertThat(approved).containsExactly("a1");
        assertThat(all).containsExactly("test.approved", "test.rejected");
    }

    @Test
    void aFailingSubscriberDoesNotStopTheOthers() {
        List<String> seen = new ArrayList<>();
        bus.subscribe(Approved.class, e -> {
            throw new IllegalStateException("boom");
        });
        bus.subscribe(Approved.class, e -> seen.add(e.id()));

        bus.publish(new Approved("a2"));

        assertThat(seen).containsExactly("a2");
    }

    @Test
    void closingTheHandleUnsubscribes() throws Exception {
        List<String> seen = new ArrayList<>();
        AutoCloseable handle = bus.subscribe(Approved.class, e -> seen.add(e.id()));
        handle.close();

        bus.publish(new Approved("a3"));

        assertThat(seen).isEmpty();
    }
}
