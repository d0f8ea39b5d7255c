package city.tds.identity;

import city.tds.core.evidence.EvidenceRecorder;
import city.tds.core.id.IdGenerator;
import city.tds.core.tx.UnitOfWork;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.SigningKeyPair;
import java.security.SecureRandom;
import java.time.Clock;

/** The space's identity services, wired together over one store. */
public final class Identity {

    private final Onboarding onboarding;
    private final Accounts accounts;
    private final AccessTokens tokens;
    private final Credentials credentials;
    private final TrustList trustList;
    private final Participants participants;
    private final StatusCache status;

    public Identity(
            IdentityStore store,
            UnitOfWork unitOfWork,
            CryptoSuite suite,
            SigningKeyPair spaceKey,
            IdGenerator ids,
            Clock clock,
            IdentitySettings settings,
            EvidenceRecorder evidenceRecorder) {
        IdentityEvidence evidence = new IdentityEvidence(evidenceRecorder, clock);
        PasswordHasher passwords = new PasswordHasher(settings.passwordCost(), new SecureRandom());
        this.status = new StatusCache(store, clock, settings.statusRefresh());
        this.credentials = new Credentials(store, unitOfWork, suite, spaceKey, ids, clock, settings, evidence, status);
        this.onboarding =
                new Onboarding(store, unitOfWork, suite, ids, clock, passwords, evidence, credentials, status);
        this.accounts = new Accounts(store, unitOfWork, ids, clock, settings, passwords, evidence, status);
        this.tokens = new AccessTokens(store, unitOfWork, suite, spaceKey, ids, clock, settings, status);
        this.trustList = new TrustList(store, unitOfWork, clock, evidence, settings.issuer());
        this.participants = new Participants(store, unitOfWork, suite, ids, clock, evidence);
    }

    public Onboarding onboarding() {
        return onboarding;
    }

    public Accounts accounts() {
        return accounts;
    }

    public AccessTokens tokens() {
        return tokens;
    }

    public Credentials credentials() {
        return credentials;
    }

    public TrustList trustList() {
        return trustList;
    }

    public Participants participants() {
        return participants;
    }

    /** Reloads suspensions, locks and revocations now (they are reloaded on their own every refresh interval). */
    public void refreshStatus() {
        status.refreshNow();
    }
}
