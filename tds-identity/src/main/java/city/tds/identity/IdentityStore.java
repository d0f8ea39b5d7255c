package city.tds.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence of applications, participants, users, clients, credentials and the trust list. */
public interface IdentityStore {

    void insertApplication(Application application, String adminPasswordHash, String statusTokenHash);

    void updateApplication(Application application);

    Optional<Application> application(String id);

    List<Application> applications(ApplicationStatus status, int limit);

    Optional<Application> openApplicationFor(String creditCode);

    /** The secrets an application holds: the administrator's password hash and the status token's hash. */
    Optional<ApplicationSecrets> applicationSecrets(String id);

    record ApplicationSecrets(String adminPasswordHash, String statusTokenHash) {}

    void insertDocument(String applicationId, Application.DocumentInfo info, byte[] content);

    Optional<byte[]> documentContent(String applicationId, String documentId);

    void insertParticipant(Participant participant);

    void updateParticipant(Participant participant);

    Optional<Participant> participant(String id);

    Optional<Participant> participantByCreditCode(String creditCode);

    List<Participant> participants();

    void insertUser(UserAccount user);

    void updateUser(UserAccount user);

    Optional<UserAccount> user(String id);

    Optional<UserAccount> userByUsername(String username);

    /** Users of a participant, or operator staff when {@code participantId} is null. */
    List<UserAccount> users(String participantId);

    void insertClient(ClientKey client);

    Optional<ClientKey> client(String clientId);

    List<ClientKey> clients(String participantId);

    void insertRefreshToken(String tokenHash, String userId, Instant expiresAt);

    /** Marks an unused, unexpired refresh token used and returns its user; empty if it cannot be used. */
    Optional<String> useRefreshToken(String tokenHash, Instant now);

    /** Remembers a client assertion's id; false if it was seen before (a replay). */
    boolean rememberAssertion(String jti, Instant expiresAt, Instant now);

    void insertCredential(IssuedCredential credential);

    Optional<IssuedCredential> latestCredential(String participantId);

    void revokeCredential(String credentialId, Instant at, String reason);

    int nextStatusIndex();

    List<Integer> revokedStatusIndexes();

    void insertIssuer(TrustedIssuer issuer);

    boolean deleteIssuer(String issuerId);

    Optional<TrustedIssuer> issuer(String issuerId);

    List<TrustedIssuer> issuers();
}
