package city.tds.identity;

import city.tds.crypto.Argon2idParameters;
import java.time.Duration;

/**
 * How identity behaves.
 *
 * @param issuer this space's identifier in tokens and credentials ({@code iss}): its public URL
 * @param accessTokenLifetime how long an access token is valid
 * @param refreshTokenLifetime how long a refresh token can be exchanged (once)
 * @param maxLoginFailures consecutive failed logins that lock an account
 * @param lockout how long a locked account stays locked; zero means until an administrator unlocks it
 * @param credentialLifetime how long a membership credential is valid
 * @param statusRefresh how often every replica and verifier reloads suspensions, locks and revocations: the bound on
 *     how long a revoked credential or suspended participant can still be accepted elsewhere
 * @param passwordCost Argon2id cost for passwords
 */
public record IdentitySettings(
        String issuer,
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        int maxLoginFailures,
        Duration lockout,
        Duration credentialLifetime,
        Duration statusRefresh,
        Argon2idParameters passwordCost) {

    public static IdentitySettings defaults(String issuer) {
        return new IdentitySettings(
                issuer,
                Duration.ofMinutes(15),
                Duration.ofHours(8),
                5,
                Duration.ofMinutes(15),
                Duration.ofDays(365),
                Duration.ofSeconds(30),
                Argon2idParameters.DEFAULT);
    }

    public IdentitySettings withPasswordCost(Argon2idParameters cost) {
        return new IdentitySettings(
                issuer,
                accessTokenLifetime,
                refreshTokenLifetime,
                maxLoginFailures,
                lockout,
                credentialLifetime,
                statusRefresh,
                cost);
    }
}
