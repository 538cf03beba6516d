package ai.altllm.gateway.chat;

import ai.altllm.gateway.shutdown.Drain;
import ai.altllm.gateway.shutdown.InFlight;
import ai.altllm.gateway.upstream.Exchange;
import ai.altllm.gateway.upstream.UpstreamListener;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One chat request between its upstream exchange and its client, which ends exactly once, through {@link #finish},
 * whichever of its endings (upstream, client, shutdown) comes first and on whatever thread.
 */
abstract sealed class ChatRelay implements UpstreamListener, InFlight permits JsonRelay, StreamRelay {

    final ChatCall call;
    private final Drain drain;
    /** The exchange running now: the first send's, or the one a failover or a tool round replaced it with. */
    private final AtomicReference<Exchange> exchange = new AtomicReference<>();
    private final AtomicBoolean ended = new AtomicBoolean();

    ChatRelay(ChatCall call, Drain drain) {
        this.call = call;
        this.drain = drain;
    }

    /** Begins the request and sends it; a send that throws ends the relay, and its exception answers the client. */
    final void start(boolean stream) {
        call.settlement().begin();
        drain.opened(this);
        try {
            Exchange first = call.send(stream, this);
            // Unless a failover has already replaced this first exchange.
            exchange.compareAndSet(null, first);
            if (ended()) {
                first.cancel();
            }
        } catch (RuntimeException e) {
            finish(Outcome.notStarted()); // frees what admission reserved
            throw e;
        }
    }

    /** A failover or a tool round now runs instead of the earlier exchange. */
    final void switchedTo(Exchange next) {
        exchange.set(next);
        if (ended()) {
            next.cancel();
        }
    }

    /** The exchange running now, or null before the first send has returned. */
    final Exchange exchange() {
        return exchange.get();
    }

    final boolean ended() {
        return ended.get();
    }

    /**
     * Ends the relay, the first time only: stops the upstream if it is abandoned, tells the client, settles, leaves
     * the drain and lets the client go, in that order. Returns false when the relay had already ended.
     */
    final boolean finish(Outcome outcome) {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        if (outcome.abandonsUpstream()) {
            Exchange running = exchange.get();
            if (running != null) {
                running.cancel();
            }
            call.released();
        }
        if (outcome.answersClient()) {
            answer(outcome);
        }
        call.settlement().settle(outcome.status());
        drain.closed(this);
        if (outcome.kind() != Outcome.Kind.NOT_STARTED) {
            close();
        }
        return true;
    }

    /** Tells the client how the request ended: the answer, or the outcome's error. */
    abstract void answer(Outcome outcome);

    /** Lets go of the client's connection, after everything else. */
    abstract void close();
}
