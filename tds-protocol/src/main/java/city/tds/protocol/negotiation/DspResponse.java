package city.tds.protocol.negotiation;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a DSP endpoint answers: a status and a JSON body (null for none). */
public record DspResponse(int status, ObjectNode body) {}
