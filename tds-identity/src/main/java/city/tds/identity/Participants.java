package city.tds.identity;

import city.tds.core.Problem;
import city.tds.core.Result;
import city.tds.core.id.IdGenerator;
import city.tds.core.identity.Principal;
import city.tds.core.identity.Role;
import city.tds.core.tx.UnitOfWork;
import city.tds.crypto.CryptoSuite;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** Reading participants, within what the caller may see, and registering connector keys. */
public final class Participants {

    private final IdentityStore store;
    private final UnitOfWork unitOfWork;
    private final CryptoSuite suite;
    private final IdGenerator ids;
    private final Clock clock;
    private final IdentityEvidence evidence;

    Participants(
            IdentityStore store,
            UnitOfWork unitOfWork,
            CryptoSuite suite,
            IdGenerator ids,
            Clock clock,
            IdentityEvidence evidence) {
        this.store = store;
        this.unitOfWork = unitOfWork;
        this.suite = suite;
        this.ids = ids;
        this.clock = clock;
        this.evidence = evidence;
    }

    /** Operator staff see every participant; a participant's people and machines see their own. */
    public Result<Participant> visibleTo(String participantId, Principal by) {
        if (!(by.hasAny(Role.OPERATOR) || by.actsFor(participantId))) {
            return Result.fail(Problem.notFound("no-such-participant", "no participant " + participantId));
        }
        return store.participant(participantId)
                .<Result<Participant>>map(Result::ok)
                .orElseGet(
                        () -> Result.fail(Problem.notFound("no-such-participant", "no participant " + participantId)));
    }

    /** A participant by id, for services inside the space that decide on its behalf (not for callers' reads). */
    public java.util.Optional<Participant> find(String participantId) {
        return participantId == null ? java.util.Optional.empty() : store.participant(participantId);
    }

    public List<Participant> all() {
        return store.participants();
    }

    public Result<ClientKey> registerClient(String participantId, String publicKey, Principal by) {
        if (!(by.has(Role.PARTICIPANT_ADMIN) && by.actsFor(participantId))) {
            return Result.fail(Problem.notFound("no-such-participant", "no participant " + participantId));
        }
        boolean valid;
        try {
            valid = publicKey != null
                    && suite.readPublicKey(Base64.getDecoder().decode(publicKey))
                            .isPresent();
        } catch (IllegalArgumentException e) {
            valid = false;
        }
        if (!valid) {
            return Result.fail(Problem.invalidInput(
                    "invalid-connector-key", "publicKey is not a " + suite.id() + " public key (base64)"));
        }
        return unitOfWork.attempt(tx -> {
            ClientKey client = new ClientKey(
                    ids.newId(), participantId, publicKey, clock.instant().truncatedTo(ChronoUnit.MICROS));
            store.insertClient(client);
            ObjectNode payload = IdentityEvidence.payload();
            payload.put("clientId", client.clientId())
                    .put("participantId", participantId)
                    .put("publicKey", publicKey);
            evidence.record(
                    "client.registered",
                    by,
                    List.of("client:" + client.clientId(), "participant:" + participantId),
                    Set.of(participantId),
                    payload);
            return Result.ok(client);
        });
    }

    public List<ClientKey> clients(String participantId) {
        return store.clients(participantId);
    }
}
