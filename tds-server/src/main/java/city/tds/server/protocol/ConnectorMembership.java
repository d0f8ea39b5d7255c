package city.tds.server.protocol;

import city.tds.protocol.Dsp;
import java.net.URI;
import java.util.Objects;

/**
 * Which space a connector belongs to and as whom: the space node's URL (the issuer of its tokens and credentials),
 * the participant it acts for and its client id there. Known after onboarding.
 */
public record ConnectorMembership(URI spaceUrl, String participantId, String clientId) {

    public ConnectorMembership {
        Objects.requireNonNull(spaceUrl, "spaceUrl");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(clientId, "clientId");
    }

    /** The issuer string of the space's tokens and credentials. */
    public String issuer() {
        return Dsp.base(spaceUrl.toString());
    }
}
