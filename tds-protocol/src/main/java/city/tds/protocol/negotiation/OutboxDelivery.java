package city.tds.protocol.negotiation;

import city.tds.core.lease.Lease;
import city.tds.core.lease.LeaseStore;
import city.tds.core.tx.UnitOfWork;
import city.tds.protocol.ProcessRole;
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
 * Delivers queued protocol messages: the oldest message of each process first, under a lease on the process so that
 * two replicas never send for the same negotiation at once; failures are retried with backoff, and a message the
 * other side refuses (or that cannot be delivered within the retry policy) ends the negotiation here with the reason.
 */
public final class OutboxDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final NegotiationSteps steps;
    private final UnitOfWork tx;
    private final DspTransport transport;
    private final LeaseStore leases;
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

    public OutboxDelivery(
            NegotiationContext context, DspTransport transport, LeaseStore leases, String holder, RetryPolicy retry) {
        this(context, transport, leases, holder, retry, List.of());
    }

    public OutboxDelivery(
            NegotiationContext context,
            DspTransport transport,
            LeaseStore leases,
            String holder,
            RetryPolicy retry,
            List<ProcessListener> listeners) {
        this.listeners = List.copyOf(listeners);
        this.steps = context.steps();
        this.tx = context.tx();
        this.transport = transport;
        this.leases = leases;
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
        List<OutboundMessage> due = steps.store().due(steps.now(), limit);
        List<CompletableFuture<Boolean>> deliveries = new ArrayList<>(due.size());
        for (OutboundMessage message : due) {
            deliveries.add(CompletableFuture.supplyAsync(() -> deliverLeased(message), executor));
        }
        int delivered = 0;
        for (CompletableFuture<Boolean> delivery : deliveries) {
            if (delivery.join()) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean deliverLeased(OutboundMessage message) {
        Optional<Lease> lease = leases.tryAcquire("dsp-process:" + message.processId(), holder, LEASE);
        if (lease.isEmpty()) {
            return false;
        }
        try {
            return steps.store().isQueued(message.id()) && deliver(message);
        } catch (RuntimeException e) {
            LOG.warn("delivering a message to {} failed; it stays queued", message.targetUrl(), e);
            return false;
        } finally {
            leases.release(lease.get());
        }
    }

    private boolean deliver(OutboundMessage message) {
        DspTransport.Delivery delivery = transport.post(message.targetUrl(), message.message());
        if (delivery instanceof DspTransport.Delivered ok) {
            tx.run(t -> {
                steps.store().delete(message.id());
                learnProviderPid(message.processId(), ok.body());
                listeners.forEach(l -> l.providerAnswered(message.processId(), ok.body()));
            });
            return true;
        }
        if (delivery instanceof DspTransport.Refused refused) {
            giveUp(message, "the counterparty refused the message (" + refused.status() + "): " + refused.detail());
            return false;
        }
        String detail = ((DspTransport.Unreachable) delivery).detail();
        if (message.attempts() + 1 >= retry.attempts()) {
            giveUp(message, "the counterparty could not be reached after " + retry.attempts() + " attempts: " + detail);
            return false;
        }
        Instant retryAt = steps.now().plus(retry.delayAfter(message.attempts() + 1));
        steps.store().reschedule(message.failed(truncate(detail), retryAt));
        LOG.info(
                "delivery to {} failed ({}); attempt {} at {}",
                message.targetUrl(),
                detail,
                message.attempts() + 2,
                retryAt);
        return false;
    }

    /** The provider's answer to an opening request names its pid; the consumer needs it for every later message. */
    private void learnProviderPid(String processId, JsonNode body) {
        if (body == null || !body.path("providerPid").isTextual()) {
            return;
        }
        steps.store()
                .find(processId)
                .filter(n -> n.role() == ProcessRole.CONSUMER && n.providerPid() == null)
                .ifPresent(n -> steps.store()
                        .update(n.withProviderPid(body.get("providerPid").asText()), n.version()));
    }

    private void giveUp(OutboundMessage message, String reason) {
        LOG.warn("giving up delivering to {}: {}", message.targetUrl(), reason);
        tx.run(t -> {
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
