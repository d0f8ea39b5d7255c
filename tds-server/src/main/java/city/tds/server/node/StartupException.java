package city.tds.server.node;

/** The node cannot start. The message is one line, Chinese first, that tells the operator what to fix. */
public final class StartupException extends RuntimeException {

    public StartupException(String message) {
        super(message, null, false, false);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
