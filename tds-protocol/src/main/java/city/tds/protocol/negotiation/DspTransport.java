package city.tds.protocol.negotiation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sends one DSP message to another connector and says how it went. The server's implementation posts over HTTP with
 * this connector's credentials; tests route to another connector in the same JVM.
 */
@FunctionalInterface
public interface DspTransport {

    Delivery post(String url, String message);

    /** How a delivery went. */
    sealed interface Delivery {}

    /** The other connector took the message; {@code body} is its answer, or null when it sent none. */
    record Delivered(JsonNode body) implements Delivery {}

    /** The other connector answered with an error that a retry will not change (most 4xx). */
    record Refused(int status, String detail) implements Delivery {}

    /** The other connector could not be reached, or failed in a way a retry may mend (I/O, 5xx, 408, 429). */
    record Unreachable(String detail) implements Delivery {}
}
