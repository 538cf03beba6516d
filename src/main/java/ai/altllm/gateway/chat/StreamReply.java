package ai.altllm.gateway.chat;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorEnvelope;
import ai.altllm.gateway.shutdown.Drain;
import ai.altllm.gateway.shutdown.InFlight;
import ai.altllm.gateway.upstream.Exchange;
import ai.altllm.gateway.upstream.UpstreamErrors;
import ai.altllm.gateway.upstream.UpstreamListener;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * Streams a chat answer: each upstream chunk is sent on as it arrives, under the public model id, then
 * {@code data: [DONE]}. The 200 is committed when this method returns, so later failures become an error frame.
 */
public final class StreamReply implements ChatReply {

    private final ChatCall call;
    private final ClientWriters writers;
    private final Drain drain;

    StreamReply(ChatCall call, ClientWriters writers, Drain drain) {
        this.call = call;
        this.writers = writers;
        this.drain = drain;
    }

    @POST
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        call.settlement().begin();
        Relay relay = new Relay(sink, sse);
        drain.opened(relay);
        try {
            relay.started(call.send(true, relay));
        } catch (RuntimeException e) {
            call.settlement().settle("failed"); // frees what admission reserved
            drain.closed(relay);
            throw e;
        }
    }

    /** Upstream events in, client frames out; synchronized because deadlines fire from another thread. */
    private final class Relay implements UpstreamListener, InFlight {

        private final ClientStream client;
        private Exchange exchange;
        private boolean first = true;
        private boolean closed;
        /** Null unless built-in tools are offered: then chunks go through it, round after round. */
        private final RoundStream rounds;
        private boolean roundStarted;

        Relay(SseEventSink sink, Sse sse) {
            this.client = new ClientStream(sink, sse, writers, this::clientGone, this::drained);
            this.rounds = call.tools() == null ? null : new RoundStream(call.tools());
        }

        private synchronized void nextRoundStarted(Exchange running) {
            exchange = running;
            if (closed) {
                running.cancel();
            }
        }

        synchronized void started(Exchange running) {
            if (exchange == null) {
                // Otherwise a failover already replaced this first exchange.
                exchange = running;
            }
            if (closed) {
                running.cancel();
            }
        }

        @Override
        public synchronized void onData(String data) {
            if (closed || "[DONE]".equals(data)) {
                return;
            }
            String trimmed = data.strip();
            if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
                fail(UpstreamErrors.malformed("a streamed chunk is not JSON"));
                return;
            }
            if (trimmed.contains("\"error\"") && Chunks.parse(data) != null
                    && Chunks.parse(data).get("error") instanceof JsonObject) {
                // A provider's own error event: relayed as a chunk, a client would take it for part of the answer.
                fail(UpstreamErrors.status(502, data));
                return;
            }
            if (rounds != null) {
                relayRound(data);
                return;
            }
            String out;
            if (first) {
                JsonObject chunk = Chunks.parse(data);
                if (chunk == null) {
                    fail(UpstreamErrors.malformed("a streamed chunk is not JSON"));
                    return;
                }
                first = false;
                call.settlement().firstToken();
                call.succeeded();
                call.settlement().usage(Chunks.usage(chunk));
                out = firstChunk(chunk);
            } else if (Chunks.mayCarryUsage(data)) {
                JsonObject chunk = Chunks.parse(data);
                if (chunk == null) {
                    fail(UpstreamErrors.malformed("a streamed chunk is not JSON"));
                    return;
                }
                call.settlement().usage(Chunks.usage(chunk));
                if (call.includeUsage()) {
                    out = Chunks.renameModel(data, call.quotedModel());
                } else if (Chunks.hasNoChoices(chunk)) {
                    return;
                } else {
                    out = Chunks.renameModel(JSON.createObjectBuilder(chunk).remove("usage").build().toString(),
                            call.quotedModel());
                }
            } else {
                out = Chunks.renameModel(data, call.quotedModel());
            }
            if (call.settlement().capturing()) {
                call.settlement().text(Chunks.deltaContent(Chunks.parse(data)));
            }
            call.settlement().chunk();
            send(out);
        }

        /** A chunk of a request with built-in tools: every chunk is read, and the stream shown is the rounds' one. */
        private void relayRound(String data) {
            JsonObject chunk = Chunks.parse(data);
            if (chunk == null) {
                fail(UpstreamErrors.malformed("a streamed chunk is not JSON"));
                return;
            }
            if (!roundStarted) {
                roundStarted = true;
                call.succeeded();
            }
            if (first) {
                first = false;
                call.settlement().firstToken();
            }
            call.settlement().usage(Chunks.usage(chunk));
            String out = rounds.relay(chunk);
            if (out != null) {
                call.settlement().chunk();
                send(Chunks.renameModel(out, call.quotedModel()));
            }
        }

        /** The end of one model round: run its built-in calls and go on, or close the stream. */
        private void endRound() {
            ToolLoop.Turn turn = rounds.endRound();
            if (call.tools().continues(turn)) {
                roundStarted = false;
                call.nextRound(turn, true, this, this::nextRoundStarted);
                return;
            }
            for (String frame : rounds.finish(turn, call.includeUsage() ? call.settlement().totalUsage() : null)) {
                send(Chunks.renameModel(frame, call.quotedModel()));
            }
            send("[DONE]");
            end("ok");
        }

        /** The first delta must carry the role; the one chunk rebuilt rather than spliced. */
        private String firstChunk(JsonObject chunk) {
            JsonObjectBuilder rebuilt = JSON.createObjectBuilder(chunk);
            if (!call.includeUsage()) {
                rebuilt.remove("usage");
            }
            if (chunk.get("choices") instanceof JsonArray choices && !choices.isEmpty()
                    && choices.get(0) instanceof JsonObject choice && choice.get("delta") instanceof JsonObject delta
                    && !delta.containsKey("role")) {
                rebuilt.add("choices", JSON.createArrayBuilder(choices).set(0, JSON.createObjectBuilder(choice)
                        .add("delta", JSON.createObjectBuilder(delta).add("role", "assistant"))));
            }
            return Chunks.renameModel(rebuilt.build().toString(), call.quotedModel());
        }

        private void send(String data) {
            client.send(data);
        }

        @Override
        public boolean ready() {
            return client.ready();
        }

        /** Called off the relay's lock: resuming may run upstream callbacks that take it. */
        private void drained() {
            Exchange current;
            synchronized (this) {
                current = closed ? null : exchange;
            }
            if (current != null) {
                current.resume();
            }
        }

        private synchronized void clientGone() {
            if (!closed) {
                closed = true;
                if (exchange != null) {
                    exchange.cancel();
                }
                call.released();
                call.settlement().settle("cancelled");
                drain.closed(this);
                client.close();
            }
        }

        /** Shutdown's grace period is over: the client gets an error frame and [DONE] instead of the rest. */
        @Override
        public synchronized void abort() {
            if (!closed) {
                if (exchange != null) {
                    exchange.cancel();
                }
                call.released();
                client.sendError(ErrorEnvelope.of(Drain.SHUTTING_DOWN).toString());
                send("[DONE]");
                end("failed");
            }
        }

        @Override
        public boolean streaming() {
            return true;
        }

        @Override
        public synchronized void onComplete() {
            if (!closed && rounds != null) {
                endRound();
            } else if (!closed) {
                send("[DONE]");
                end("ok");
            }
        }

        @Override
        public synchronized void onFailure(ApiException failure) {
            fail(failure);
        }

        private void fail(ApiException failure) {
            if (!closed) {
                call.upstreamFailed(failure);
                if (exchange != null) {
                    exchange.cancel();
                }
                if (first && call.failover(failure)) {
                    // Nothing has reached the client yet, so another deployment can still answer in full.
                    exchange = call.send(true, this);
                    return;
                }
                client.sendError(ErrorEnvelope.of(failure).toString());
                send("[DONE]");
                end("failed");
            }
        }

        private void end(String outcome) {
            closed = true;
            call.settlement().settle(outcome);
            drain.closed(this);
            client.close();
        }
    }
}
