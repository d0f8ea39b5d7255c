package city.tds.dataplane.source;

import java.util.List;
import java.util.Optional;

/** The sources of one connector, each with its sealed secret. */
public interface SourceStore {

    /** A stored source: its definition and its sealed password (null for none). */
    record Stored(SourceDefinition definition, byte[] sealedSecret) {}

    /** Adds a source; false if one of that name exists. */
    boolean insert(SourceDefinition definition, byte[] sealedSecret);

    Optional<Stored> find(String name);

    /** All sources, by name. */
    List<SourceDefinition> list();

    /** Removes a source; false if there was none of that name. */
    boolean delete(String name);
}
