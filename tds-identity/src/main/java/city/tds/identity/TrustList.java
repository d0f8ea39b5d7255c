package city.tds.identity;

import city.tds.core.Problem;
import city.tds.core.Result;
import city.tds.core.identity.Principal;
import city.tds.core.tx.UnitOfWork;
import city.tds.crypto.CryptoSuites;
import city.tds.crypto.SuiteId;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The issuers whose credentials this space accepts besides its own: other spaces it recognises (跨空间互信互认).
 * Managed by the security administrator; every change is evidence.
 */
public final class TrustList {

    private final IdentityStore store;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final IdentityEvidence evidence;
    private final String self;

    TrustList(IdentityStore store, UnitOfWork unitOfWork, Clock clock, IdentityEvidence evidence, String self) {
        this.store = store;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.evidence = evidence;
        this.self = self;
    }

    public List<TrustedIssuer> issuers() {
        return store.issuers();
    }

    public Result<TrustedIssuer> add(String issuerId, String name, String suite, String publicKey, Principal by) {
        if (issuerId == null || !issuerId.matches("https?://[^\\s]+") || issuerId.length() > 300) {
            return Result.fail(Problem.invalidInput("invalid-issuer", "issuerId must be the issuer's http(s) URL"));
        }
        try {
            URI.create(issuerId);
        } catch (IllegalArgumentException e) {
            return Result.fail(Problem.invalidInput("invalid-issuer", "issuerId is not a URL"));
        }
        if (issuerId.equals(self)) {
            return Result.fail(Problem.conflict("self-issuer", "this space trusts itself already"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            return Result.fail(Problem.invalidInput("invalid-name", "name is required (at most 200 characters)"));
        }
        SuiteId suiteId = SuiteId.parse(suite).orElse(null);
        if (suiteId == null) {
            return Result.fail(Problem.invalidInput("invalid-suite", "suite must be GM or INTL"));
        }
        boolean validKey;
        try {
            validKey = CryptoSuites.create(suiteId, new SecureRandom())
                    .readPublicKey(Base64.getDecoder().decode(publicKey == null ? "" : publicKey))
                    .isPresent();
        } catch (IllegalArgumentException e) {
            validKey = false;
        }
        if (!validKey) {
            return Result.fail(Problem.invalidInput(
                    "invalid-public-key", "publicKey is not a " + suiteId + " public key in base64"));
        }
        TrustedIssuer issuer = new TrustedIssuer(
                issuerId,
                name.trim(),
                suiteId.name(),
                publicKey,
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                by.subject());
        return unitOfWork.attempt(tx -> {
            if (store.issuer(issuerId).isPresent()) {
                return Result.fail(Problem.conflict("issuer-exists", issuerId + " is on the trust list already"));
            }
            store.insertIssuer(issuer);
            ObjectNode payload = IdentityEvidence.payload();
            payload.put("issuerId", issuerId).put("name", issuer.name()).put("suite", issuer.suite());
            payload.put("publicKey", publicKey);
            evidence.record("trust.issuer-added", by, List.of("issuer:" + issuerId), Set.of(), payload);
            return Result.ok(issuer);
        });
    }

    public Result<Void> remove(String issuerId, Principal by) {
        return unitOfWork.attempt(tx -> {
            if (!store.deleteIssuer(issuerId)) {
                return Result.fail(Problem.notFound("no-such-issuer", issuerId + " is not on the trust list"));
            }
            ObjectNode payload = IdentityEvidence.payload();
            payload.put("issuerId", issuerId);
            evidence.record("trust.issuer-removed", by, List.of("issuer:" + issuerId), Set.of(), payload);
            return Result.ok(null);
        });
    }
}
