package city.tds.store;

/** The database could not be reached or prepared at start-up. The message is one line an operator can act on. */
public final class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
