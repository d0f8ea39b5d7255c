package city.tds.core.event;

import java.time.Instant;

/** Something that happened in the domain, published to interested modules after its transaction commits. */
public interface DomainEvent {

    /** A stable dotted name such as {@code participant.approved}. */
    String type();

    Instant occurredAt();
}
