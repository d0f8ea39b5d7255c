package city.tds.dataplane.edr;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.crypto.CryptoSuite;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Issues and checks the access tokens of pulls: 256 random bits, given to the consumer once (in the transfer's start
 * message) and kept only as their hash, each opening one transfer of one agreement, for a short life, and revoked
 * when the transfer ends. A token for another transfer, an expired or a revoked one is refused with what is wrong.
 */
public final class AccessTokens {

    private static final String PREFIX = "tds-edr-";

    private final EdrStore store;
    private final CryptoSuite suite;
    private final Clock clock;

    public AccessTokens(EdrStore store, CryptoSuite suite, Clock clock) {
        this.store = store;
        this.suite = suite;
        this.clock = clock;
    }

    /** A new token and what it opens. */
    public record Issued(String token, Edr edr) {}

    public Issued issue(String transferId, String agreementId, String consumerId, String sourceName, Duration life) {
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(suite.randomBytes(32));
        Instant now = clock.instant();
        Edr edr =
                new Edr(hash(token), transferId, agreementId, consumerId, sourceName, now, now.plus(life), null, null);
        store.insert(edr);
        return new Issued(token, edr);
    }

    /** What {@code token} opens, if it opens {@code transferId} now. */
    public Result<Edr> check(String token, String transferId) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return refused(
                    "edr-missing", "a pull needs the transfer's access token as 'Authorization: Bearer <token>'");
        }
        Optional<Edr> found = store.find(hash(token));
        if (found.isEmpty()) {
            return refused("edr-unknown", "this access token was not issued by this connector");
        }
        Edr edr = found.get();
        if (!edr.transferId().equals(transferId)) {
            return Result.fail(new Problem(
                    ProblemKind.FORBIDDEN,
                    "edr-wrong-transfer",
                    "this access token opens transfer " + edr.transferId() + ", not " + transferId));
        }
        if (edr.revokedAt() != null) {
            return refused(
                    "edr-revoked", "this access token was revoked at " + edr.revokedAt() + ": " + edr.revokedReason());
        }
        if (!clock.instant().isBefore(edr.expiresAt())) {
            return refused("edr-expired", "this access token expired at " + edr.expiresAt());
        }
        return Result.ok(edr);
    }

    /** Revokes the tokens of a transfer that ended (completed, suspended, terminated). */
    public int revoke(String transferId, String reason) {
        return store.revoke(transferId, reason, clock.instant());
    }

    private String hash(String token) {
        return HexFormat.of().formatHex(suite.hash(token.getBytes(StandardCharsets.US_ASCII)));
    }

    private static <T> Result<T> refused(String code, String detail) {
        return Result.fail(new Problem(ProblemKind.UNAUTHENTICATED, code, detail));
    }
}
