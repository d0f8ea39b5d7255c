package city.tds.protocol;

import city.tds.protocol.negotiation.Counterparty;
import city.tds.protocol.negotiation.DspResponse;

/** The endpoints of one DSP protocol, independent of the HTTP server: a call from an authenticated counterparty. */
@FunctionalInterface
public interface DspEndpoint {

    /** Handles {@code method path} (below the version base) from {@code from}, with the request {@code body}. */
    DspResponse handle(String method, String path, Counterparty from, byte[] body);
}
