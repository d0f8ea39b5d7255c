package city.tds.identity;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.core.id.IdGenerator;
import city.tds.core.identity.Principal;
import city.tds.core.identity.Role;
import city.tds.core.tx.UnitOfWork;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * User accounts: the operator's staff and the participants' people. Enforces separation of duties (nobody holds two
 * of the system, security and audit administrator roles), locks an account after too many failed logins, and records
 * account decisions as evidence.
 */
public final class Accounts {

    static final int MIN_PASSWORD = 10;
    public static final String INITIAL_ADMIN = "sysadmin";

    private final IdentityStore store;
    private final UnitOfWork unitOfWork;
    private final IdGenerator ids;
    private final Clock clock;
    private final IdentitySettings settings;
    private final PasswordHasher passwords;
    private final IdentityEvidence evidence;
    private final StatusCache status;

    Accounts(
            IdentityStore store,
            UnitOfWork unitOfWork,
            IdGenerator ids,
            Clock clock,
            IdentitySettings settings,
            PasswordHasher passwords,
            IdentityEvidence evidence,
            StatusCache status) {
        this.store = store;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
        this.passwords = passwords;
        this.evidence = evidence;
        this.status = status;
    }

    static Result<Void> checkPassword(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
            return Result.fail(
                    Problem.invalidInput("weak-password", "a password has " + MIN_PASSWORD + " to 200 characters"));
        }
        if (password.equalsIgnoreCase(username)) {
            return Result.fail(Problem.invalidInput("weak-password", "the password must not be the username"));
        }
        return Result.ok(null);
    }

    /**
     * Creates the first system administrator of a space with no operator staff yet.
     *
     * @return the account, or empty if operator staff exist already
     */
    public Optional<UserAccount> bootstrap(String password) {
        return bootstrap(() -> passwords.hash(password.toCharArray()));
    }

    /**
     * Like {@link #bootstrap(String)}, for a password the node generated itself with at least 128 random bits. Such a
     * password cannot be guessed, so its hash is stored at {@link PasswordHasher#RANDOM_SECRET_COST}, which keeps the
     * first start of a node fast; the password the administrator later chooses gets the full cost.
     *
     * @throws IllegalArgumentException if the password is too short to carry 128 random bits
     */
    public Optional<UserAccount> bootstrapWithGeneratedPassword(String generated) {
        return bootstrap(() -> passwords.hashRandomSecret(generated.toCharArray()));
    }

    private Optional<UserAccount> bootstrap(Supplier<String> passwordHash) {
        return unitOfWork.inTransaction(tx -> {
            if (!store.users(null).isEmpty()) {
                return Optional.<UserAccount>empty();
            }
            UserAccount admin = new UserAccount(
                    ids.newId(),
                    null,
                    INITIAL_ADMIN,
                    passwordHash.get(),
                    EnumSet.of(Role.SYSTEM_ADMIN),
                    0,
                    null,
                    now());
            store.insertUser(admin);
            ObjectNode payload = IdentityEvidence.payload();
            payload.put("userId", admin.id()).put("username", admin.username()).put("roles", "SYSTEM_ADMIN");
            evidence.record("user.created", null, List.of("user:" + admin.id()), Set.of(), payload);
            return Optional.of(admin);
        });
    }

    /**
     * Creates an account. The system administrator creates operator staff; a participant's administrator creates its
     * own members and administrators.
     */
    public Result<UserAccount> create(String username, String password, Set<Role> roles, Principal by) {
        if (username == null || !Onboarding.USERNAME.matcher(username).matches()) {
            return Result.fail(Problem.invalidInput(
                    "invalid-username",
                    "username: 3 to 64 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit"));
        }
        Result<Void> strong = checkPassword(username, password);
        if (!strong.isOk()) {
            return Result.fail(strong.problem());
        }
        if (roles == null || roles.isEmpty()) {
            return Result.fail(Problem.invalidInput("roles-required", "an account needs at least one role"));
        }
        String participantId;
        if (by.has(Role.SYSTEM_ADMIN)) {
            if (!Role.OPERATOR.containsAll(roles)) {
                return Result.fail(forbidden("the system administrator creates operator staff only"));
            }
            participantId = null;
        } else if (by.has(Role.PARTICIPANT_ADMIN) && by.participantId() != null) {
            if (!EnumSet.of(Role.PARTICIPANT_ADMIN, Role.PARTICIPANT_MEMBER).containsAll(roles)) {
                return Result.fail(forbidden("a participant administrator creates administrators and members only"));
            }
            participantId = by.participantId();
        } else {
            return Result.fail(forbidden("only administrators create accounts"));
        }
        if (roles.stream().filter(Role.SEPARATED::contains).count() > 1) {
            return Result.fail(Problem.invalidInput(
                    "separation-of-duties",
                    "one person holds at most one of SYSTEM_ADMIN, SECURITY_ADMIN and AUDIT_ADMIN (三员分立)"));
        }
        String hash = passwords.hash(password.toCharArray());
        return unitOfWork.attempt(tx -> {
            if (store.userByUsername(username).isPresent()) {
                return Result.fail(Problem.conflict("username-taken", "the username '" + username + "' is taken"));
            }
            UserAccount user = new UserAccount(ids.newId(), participantId, username, hash, roles, 0, null, now());
            store.insertUser(user);
            ObjectNode payload = IdentityEvidence.payload();
            payload.put("userId", user.id()).put("username", username).put("participantId", participantId);
            payload.put(
                    "roles",
                    String.join(",", roles.stream().map(Enum::name).sorted().toList()));
            evidence.record(
                    "user.created",
                    by,
                    List.of("user:" + user.id()),
                    participantId == null ? Set.of() : Set.of(participantId),
                    payload);
            return Result.ok(user);
        });
    }

    /**
     * Checks a username and password. Wrong credentials count towards the lock; a locked account is refused until
     * the lockout passes or an administrator unlocks it.
     */
    public Result<UserAccount> authenticate(String username, String password) {
        Optional<UserAccount> found = username == null ? Optional.empty() : store.userByUsername(username);
        if (found.isEmpty()) {
            passwords.matches(password == null ? new char[0] : password.toCharArray(), dummyHash());
            return Result.fail(invalidCredentials());
        }
        UserAccount user = found.get();
        Instant now = clock.instant();
        if (user.locked()) {
            boolean expired = !settings.lockout().isZero()
                    && user.lockedAt().plus(settings.lockout()).isBefore(now);
            if (!expired) {
                return Result.fail(new Problem(
                        ProblemKind.FORBIDDEN,
                        "account-locked",
                        "the account is locked after " + settings.maxLoginFailures() + " failed logins"
                                + (settings.lockout().isZero()
                                        ? "; an administrator must unlock it"
                                        : " until " + user.lockedAt().plus(settings.lockout()))));
            }
        }
        if (user.participantId() != null
                && store.participant(user.participantId())
                        .map(p -> p.status() != Participant.Status.ACTIVE)
                        .orElse(true)) {
            return Result.fail(new Problem(
                    ProblemKind.FORBIDDEN, "participant-suspended", "the account's participant is suspended"));
        }
        if (!passwords.matches(password == null ? new char[0] : password.toCharArray(), user.passwordHash())) {
            recordFailure(user, now);
            return Result.fail(invalidCredentials());
        }
        if (user.failedLogins() > 0 || user.locked()) {
            unitOfWork.run(tx -> store.updateUser(withLock(user, 0, null)));
            status.refreshNow();
        }
        return Result.ok(store.user(user.id()).orElseThrow());
    }

    private void recordFailure(UserAccount user, Instant now) {
        int failures = user.failedLogins() + 1;
        boolean lock = failures >= settings.maxLoginFailures();
        unitOfWork.run(tx -> {
            store.updateUser(withLock(user, failures, lock ? now : null));
            if (lock) {
                ObjectNode payload = IdentityEvidence.payload();
                payload.put("userId", user.id()).put("failedLogins", failures);
                evidence.record(
                        "user.locked",
                        null,
                        List.of("user:" + user.id()),
                        user.participantId() == null ? Set.of() : Set.of(user.participantId()),
                        payload);
            }
        });
        if (lock) {
            status.refreshNow();
        }
    }

    /** Unlocks an account: the security administrator for anyone, a participant administrator for its own people. */
    public Result<UserAccount> unlock(String userId, Principal by) {
        Result<UserAccount> result = unitOfWork.attempt(tx -> {
            UserAccount user = store.user(userId).orElse(null);
            if (user == null
                    || !(by.has(Role.SECURITY_ADMIN)
                            || (by.has(Role.PARTICIPANT_ADMIN) && by.actsFor(user.participantId())))) {
                return Result.fail(Problem.notFound("no-such-user", "no user " + userId));
            }
            UserAccount unlocked = withLock(user, 0, null);
            store.updateUser(unlocked);
            ObjectNode payload = IdentityEvidence.payload();
            payload.put("userId", userId);
            evidence.record(
                    "user.unlocked",
                    by,
                    List.of("user:" + userId),
                    user.participantId() == null ? Set.of() : Set.of(user.participantId()),
                    payload);
            return Result.ok(unlocked);
        });
        if (result.isOk()) {
            status.refreshNow();
        }
        return result;
    }

    public Result<UserAccount> changePassword(Principal me, String current, String replacement) {
        UserAccount user = store.user(me.subject()).orElse(null);
        if (user == null) {
            return Result.fail(Problem.notFound("no-such-user", "no user " + me.subject()));
        }
        if (!passwords.matches(current == null ? new char[0] : current.toCharArray(), user.passwordHash())) {
            return Result.fail(invalidCredentials());
        }
        Result<Void> strong = checkPassword(user.username(), replacement);
        if (!strong.isOk()) {
            return Result.fail(strong.problem());
        }
        UserAccount changed = new UserAccount(
                user.id(),
                user.participantId(),
                user.username(),
                passwords.hash(replacement.toCharArray()),
                user.roles(),
                0,
                null,
                user.createdAt());
        unitOfWork.run(tx -> {
            store.updateUser(changed);
            ObjectNode payload = IdentityEvidence.payload();
            payload.put("userId", user.id());
            evidence.record("user.password-changed", me, List.of("user:" + user.id()), Set.of(), payload);
        });
        return Result.ok(changed);
    }

    /** Accounts the caller may see: operator staff for the system administrator, its own people for a participant. */
    public List<UserAccount> visibleTo(Principal by) {
        if (by.has(Role.SYSTEM_ADMIN) || by.has(Role.SECURITY_ADMIN) || by.has(Role.AUDIT_ADMIN)) {
            return store.users(null);
        }
        return by.participantId() == null ? List.of() : store.users(by.participantId());
    }

    public Optional<UserAccount> user(String id) {
        return store.user(id);
    }

    private static UserAccount withLock(UserAccount u, int failures, Instant lockedAt) {
        return new UserAccount(
                u.id(),
                u.participantId(),
                u.username(),
                u.passwordHash(),
                u.roles(),
                failures,
                lockedAt,
                u.createdAt());
    }

    private static Problem invalidCredentials() {
        return new Problem(ProblemKind.UNAUTHENTICATED, "invalid-credentials", "wrong username or password");
    }

    private static Problem forbidden(String why) {
        return new Problem(ProblemKind.FORBIDDEN, "forbidden", why);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Hashed on first need, so that an unknown username costs as much as a wrong password (no timing oracle). */
    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = passwords.hash("not-a-real-password".toCharArray());
            dummyHash = hash;
        }
        return hash;
    }

    private volatile String dummyHash;

    Duration lockout() {
        return settings.lockout();
    }
}
