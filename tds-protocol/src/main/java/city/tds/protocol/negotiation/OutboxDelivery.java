package city.tds.protocol.negotiation;

import city.tds.core.tx.UnitOfWork;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers queued protocol messages: the oldest message of each process first, each claimed in its outbox row (one
 * statement claims a batch) so that two replicas never send the same message or a process's messages out of order;
 * failures are retried with backoff, and a message the other side refuses (or that cannot be delivered within the
 * retry policy) ends the negotiation here with the reason.
 */
public final class OutboxDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);
    /**
     * How long a claim holds: longer than a whole batch may take (a batch is settled when its last delivery ends; at
     * most {@link #MAX_BATCH} messages on the sender threads, each bounded by its HTTP timeout). A replica that dies
     * holding claims leaves those messages to others after this long.
     */
    private static final Duration CLAIM = Duration.ofMinutes(5);

    /** The most messages one call claims. */
    static final int MAX_BATCH = 32;

    private final NegotiationSteps steps;
    private final UnitOfWork tx;
    private final DspTransport transport;
    private final String holder;
    private final RetryPolicy retry;
    private final List<ProcessListener> listeners;

    /** Told about the outcome of deliveries for processes other than negotiations (transfers). */
    public interface ProcessListener {
        /** The other side took a message of {@code processId} and answered {@code body} (null for none). */
        void providerAnswered(String processId, JsonNode body);

        /** Delivery of {@code processId}'s messages was given up, for {@code reason}. */
        void gaveUp(String processId, String reason);
    }

    /** {@code holder} names this replica in its claims (a claim is the holder and a fresh id). */
    public OutboxDelivery(NegotiationContext context, DspTransport transport, String holder, RetryPolicy retry) {
        this(context, transport, holder, retry, List.of());
    }

    public OutboxDelivery(
            NegotiationContext context,
            DspTransport transport,
            String holder,
            RetryPolicy retry,
            List<ProcessListener> listeners) {
        this.listeners = List.copyOf(listeners);
        this.steps = context.steps();
        this.tx = context.tx();
        this.transport = transport;
        this.holder = holder;
        this.retry = retry;
    }

    /** Delivers what is due now, at most {@code limit} messages; returns how many the other side took. */
    public int deliverDue(int limit) {
        return deliverDue(limit, Runnable::run);
    }

    /**
     * As {@link #deliverDue(int)}, the messages of different processes delivered concurrently on {@code executor}
     * (each process has at most one message due at a time, so its order is kept); returns when all are done.
     */
    public int deliverDue(int limit, Executor executor) {
        Instant now = steps.now();
        String claim = holder + "/" + steps.newId();
        List<OutboundMessage> claimed = steps.store().claimDue(now, claim, now.plus(CLAIM), Math.min(limit, MAX_BATCH));
        List<CompletableFuture<Optional<Taken>>> deliveries = new ArrayList<>(claimed.size());
        for (OutboundMessage message : claimed) {
            deliveries.add(CompletableFuture.supplyAsync(() -> deliverClaimed(message, claim), executor));
        }
        List<Taken> taken = new ArrayList<>(claimed.size());
        for (CompletableFuture<Optional<Taken>> delivery : deliveries) {
            delivery.join().ifPresent(taken::add);
        }
        if (taken.isEmpty()) {
            return 0;
        }
        // one unit of work for the whole batch: a message stays claimed (so its process's next one waits) until it
        // is deleted here
        return tx.inTransaction(
                t -> (int) taken.stream().filter(d -> settle(d, claim)).count());
    }

    /** A message the other side took, with its answer. */
    private record Taken(OutboundMessage message, JsonNode body) {}

    private Optional<Taken> deliverClaimed(OutboundMessage message, String claim) {
        try {
            return deliver(message, claim);
        } catch (RuntimeException e) {
            LOG.warn(
                    "delivering a message to {} failed; it stays queued until its claim runs out",
                    message.targetUrl(),
                    e);
            return Optional.empty();
        }
    }

    /**
     * Drops a delivered message and learns from the answer, if the claim still holds (else another replica owns the
     * message now and sends it again: delivery is at least once). A failure here leaves it to be sent again later.
     */
    private boolean settle(Taken taken, String claim) {
        String processId = taken.message().processId();
        try {
            return tx.inTransaction(t -> {
                if (!steps.store().delete(taken.message().id(), claim)) {
                    return false;
                }
                learnProviderPid(processId, taken.body());
                listeners.forEach(l -> l.providerAnswered(processId, taken.body()));
                return true;
            });
        } catch (RuntimeException e) {
            LOG.warn(
                    "settling the delivered message {} failed; it is sent again later",
                    taken.message().id(),
                    e);
            return false;
        }
    }

    private Optional<Taken> deliver(OutboundMessage message, String claim) {
        DspTransport.Delivery delivery = transport.post(message.targetUrl(), message.message());
        if (delivery instanceof DspTransport.Delivered ok) {
            return Optional.of(new Taken(message, ok.body()));
        }
        if (delivery instanceof DspTransport.Refused refused) {
            giveUp(
                    message,
                    claim,
                    "the counterparty refused the message (" + refused.status() + "): " + refused.detail());
            return Optional.empty();
        }
        String detail = ((DspTransport.Unreachable) delivery).detail();
        if (message.attempts() + 1 >= retry.attempts()) {
            giveUp(
                    message,
                    claim,
                    "the counterparty could not be reached after " + retry.attempts() + " attempts: " + detail);
            return Optional.empty();
        }
        Instant retryAt = steps.now().plus(retry.delayAfter(message.attempts() + 1));
        if (!steps.store().reschedule(message.failed(truncate(detail), retryAt), claim)) {
            return Optional.empty();
        }
        LOG.info(
                "delivery to {} failed ({}); attempt {} at {}",
                message.targetUrl(),
                detail,
                message.attempts() + 2,
                retryAt);
        return Optional.empty();
    }

    /** The provider's answer to an opening request names its pid; the consumer needs it for every later message. */
    private void learnProviderPid(String processId, JsonNode body) {
        if (body != null && body.path("providerPid").isTextual()) {
            steps.store().learnProviderPid(processId, body.get("providerPid").asText());
        }
    }

    private void giveUp(OutboundMessage message, String claim, String reason) {
        LOG.warn("giving up delivering to {}: {}", message.targetUrl(), reason);
        tx.run(t -> {
            if (!steps.store().delete(message.id(), claim)) {
                return; // the claim ran out and another replica owns the message now
            }
            steps.store().deleteAllOf(message.processId());
            steps.store()
                    .find(message.processId())
                    .filter(n -> !n.state().isTerminal())
                    .ifPresent(n -> Terminations.byUs(steps, n, truncate(reason), null));
            listeners.forEach(l -> l.gaveUp(message.processId(), truncate(reason)));
        });
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
