package ai.altllm.gateway.chat;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorEnvelope;
import ai.altllm.gateway.shutdown.Drain;
import ai.altllm.gateway.upstream.Exchange;
import ai.altllm.gateway.upstream.UpstreamErrors;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/** Upstream chunks in, client frames out; synchronized because deadlines and the client fire from other threads. */
final class StreamRelay extends ChatRelay {

    private final ClientStream client;
    private boolean first = true;
    /** Null unless built-in tools are offered: then chunks go through it, round after round. */
    private final RoundStream rounds;
    private boolean roundStarted;

    StreamRelay(ChatCall call, Drain drain, SseEventSink sink, Sse sse, FrameWriters writers) {
        super(call, drain);
        this.client = new ClientStream(sink, sse, writers, this::clientGone, this::drained);
        this.rounds = call.tools() == null ? null : new RoundStream(call.tools());
    }

    @Override
    public synchronized void onData(String data) {
        if (ended() || "[DONE]".equals(data)) {
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
        client.send(out);
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
            client.send(Chunks.renameModel(out, call.quotedModel()));
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
            client.send(Chunks.renameModel(frame, call.quotedModel()));
        }
        finish(Outcome.completed());
    }

    private synchronized void nextRoundStarted(Exchange running) {
        switchedTo(running);
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

    @Override
    public boolean ready() {
        return client.ready();
    }

    /** Called off the relay's lock: resuming may run upstream callbacks that take it. */
    private void drained() {
        Exchange current = ended() ? null : exchange();
        if (current != null) {
            current.resume();
        }
    }

    private synchronized void clientGone() {
        finish(Outcome.clientGone());
    }

    /** Shutdown's grace period is over: the client gets an error frame and [DONE] instead of the rest. */
    @Override
    public synchronized void abort() {
        finish(Outcome.drained());
    }

    @Override
    public boolean streaming() {
        return true;
    }

    @Override
    public synchronized void onComplete() {
        if (ended()) {
            return;
        }
        if (rounds != null) {
            endRound();
        } else {
            finish(Outcome.completed());
        }
    }

    @Override
    public synchronized void onFailure(ApiException failure) {
        fail(failure);
    }

    private void fail(ApiException failure) {
        if (ended()) {
            return;
        }
        call.upstreamFailed(failure);
        Exchange failed = exchange();
        if (failed != null) {
            failed.cancel();
        }
        if (first && call.failover(failure)) {
            // Nothing has reached the client yet, so another deployment can still answer in full.
            switchedTo(call.send(true, this));
            return;
        }
        finish(Outcome.failed(failure));
    }

    /** Called under the relay's lock, by {@link #finish}. */
    @Override
    void answer(Outcome outcome) {
        if (outcome.error() != null) {
            client.sendError(ErrorEnvelope.of(outcome.error()).toString());
        }
        client.send("[DONE]");
    }

    @Override
    void close() {
        client.close();
    }
}
