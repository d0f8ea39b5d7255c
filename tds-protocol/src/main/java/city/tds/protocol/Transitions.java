package city.tds.protocol;

import city.tds.core.Problem;
import city.tds.core.Result;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A protocol state machine as a table: which message (event), sent by which side, moves a process from which states
 * to which state. Shared by the contract negotiation and the transfer process, whose tables are in {@link
 * NegotiationState} and {@link TransferState}.
 *
 * <p>Rules every table obeys: a terminal state is never left; a message that would move a process to the state it is
 * already in, sent by the side allowed to send it, is a duplicate and is acknowledged without change (DSP messages are
 * retried, so the same message can arrive twice); anything else not in the table is refused with the messages the
 * current state allows. A row declared with {@code allowOnce} has no duplicates: the same message again is refused.
 */
final class Transitions<S extends Enum<S>, E extends Enum<E>> {

    private record Row<S, E>(E event, ProcessRole sender, Set<S> from, S to, boolean repeatable) {}

    private final Class<S> states;
    private final Set<S> terminal;
    private final List<Row<S, E>> rows = new ArrayList<>();
    private final Map<E, S> initial;
    private final String process;

    Transitions(Class<S> states, Class<E> events, Set<S> terminal, String process) {
        this.states = states;
        this.terminal = EnumSet.copyOf(terminal);
        this.initial = new EnumMap<>(events);
        this.process = process;
    }

    /** {@code event} from {@code sender} moves a process in any of {@code from} to {@code to}. */
    Transitions<S, E> allow(E event, ProcessRole sender, Set<S> from, S to) {
        rows.add(new Row<>(event, sender, EnumSet.copyOf(from), to, true));
        return this;
    }

    /**
     * As {@link #allow}, but a second such message in {@code to} is refused, not acknowledged: for a message that
     * may legitimately come again with the same content and a different meaning (a second counter-request).
     */
    Transitions<S, E> allowOnce(E event, ProcessRole sender, Set<S> from, S to) {
        rows.add(new Row<>(event, sender, EnumSet.copyOf(from), to, false));
        return this;
    }

    /** {@code event} may start a new process, in state {@code to}. */
    Transitions<S, E> starts(E event, S to) {
        initial.put(event, to);
        return this;
    }

    /** The state a new process starts in when {@code event} opens it; empty if that event cannot open one. */
    Optional<S> initialState(E event) {
        return Optional.ofNullable(initial.get(event));
    }

    /** What {@code event} from {@code sender} does to a process in {@code current}. */
    Result<ProcessStep<S>> apply(S current, E event, ProcessRole sender) {
        for (Row<S, E> row : rows) {
            if (row.event == event && row.sender == sender && row.from.contains(current)) {
                return Result.ok(new ProcessStep.Move<>(row.to));
            }
        }
        for (Row<S, E> row : rows) {
            if (row.event == event && row.sender == sender && row.to == current && row.repeatable) {
                return Result.ok(new ProcessStep.Duplicate<>(current));
            }
        }
        return Result.fail(Problem.conflict(
                "dsp-illegal-transition",
                "the " + process + " is " + current.name() + "; " + describe(event, sender) + " is not allowed"
                        + (terminal.contains(current) ? ", and a " + current.name() + " process never changes" : "")
                        + "; allowed now: " + allowed(current)));
    }

    /** The messages allowed in {@code current}, e.g. {@code AGREE from the provider, TERMINATE from either side}. */
    String allowed(S current) {
        List<String> allowed = new ArrayList<>();
        for (Row<S, E> row : rows) {
            if (row.from.contains(current)) {
                String item = describe(row.event, row.sender);
                if (!allowed.contains(item)) {
                    allowed.add(item);
                }
            }
        }
        return allowed.isEmpty() ? "nothing" : allowed.stream().collect(Collectors.joining(", "));
    }

    Set<S> terminal() {
        return terminal;
    }

    Class<S> states() {
        return states;
    }

    private static String describe(Enum<?> event, ProcessRole sender) {
        return event.name() + " from the " + sender.name().toLowerCase(Locale.ROOT);
    }
}
