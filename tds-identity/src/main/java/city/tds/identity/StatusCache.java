package city.tds.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Who is refused right now: suspended participants, participants whose credential is revoked, locked users. Checked
 * on every request without touching the database; reloaded at once after a local change and every
 * {@link IdentitySettings#statusRefresh()} otherwise, which bounds how long another replica's change takes to apply.
 */
final class StatusCache {

    private final IdentityStore store;
    private final Clock clock;
    private final Duration refresh;
    private volatile Snapshot snapshot = new Snapshot(Set.of(), Set.of(), Instant.MIN);

    private record Snapshot(Set<String> refusedParticipants, Set<String> lockedUsers, Instant loadedAt) {}

    StatusCache(IdentityStore store, Clock clock, Duration refresh) {
        this.store = store;
        this.clock = clock;
        this.refresh = refresh;
    }

    boolean participantRefused(String participantId) {
        return current().refusedParticipants().contains(participantId);
    }

    boolean userLocked(String userId) {
        return current().lockedUsers().contains(userId);
    }

    void refreshNow() {
        Set<String> refused = new HashSet<>();
        for (Participant p : store.participants()) {
            if (p.status() != Participant.Status.ACTIVE) {
                refused.add(p.id());
            } else if (store.latestCredential(p.id())
                    .map(IssuedCredential::revoked)
                    .orElse(false)) {
                refused.add(p.id());
            }
        }
        Set<String> locked = new HashSet<>();
        store.users(null).stream().filter(UserAccount::locked).forEach(u -> locked.add(u.id()));
        for (Participant p : store.participants()) {
            store.users(p.id()).stream().filter(UserAccount::locked).forEach(u -> locked.add(u.id()));
        }
        snapshot = new Snapshot(Set.copyOf(refused), Set.copyOf(locked), clock.instant());
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s.loadedAt().plus(refresh).isBefore(clock.instant())) {
            refreshNow();
            s = snapshot;
        }
        return s;
    }
}
