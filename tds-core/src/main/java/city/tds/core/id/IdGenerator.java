package city.tds.core.id;

/** Produces new unique identifiers. */
public interface IdGenerator {

    /** A new identifier, unique across nodes and time, in its canonical text form. */
    String newId();
}
