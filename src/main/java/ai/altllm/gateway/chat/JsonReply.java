package ai.altllm.gateway.chat;

import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.shutdown.Drain;
import ai.altllm.gateway.shutdown.InFlight;
import ai.altllm.gateway.upstream.Exchange;
import ai.altllm.gateway.upstream.UpstreamErrors;
import ai.altllm.gateway.upstream.UpstreamListener;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.ConnectionCallback;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.atomic.AtomicReference;

/** Answers a non-streamed chat request once the upstream has, holding no thread while it waits. */
public final class JsonReply implements ChatReply {

    private final ChatCall call;
    private final Drain drain;

    JsonReply(ChatCall call, Drain drain) {
        this.call = call;
        this.drain = drain;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public void reply(@Suspended AsyncResponse response) {
        call.settlement().begin();
        Relay relay = new Relay(response);
        drain.opened(relay);
        try {
            relay.exchange.compareAndSet(null, call.send(false, relay));
        } catch (RuntimeException e) {
            call.settlement().settle("failed"); // frees what admission reserved
            drain.closed(relay);
            throw e;
        }
        // Containers that can tell (not all can) stop the provider when the client hangs up.
        response.register((ConnectionCallback) disconnected -> {
            relay.gone = true;
            relay.exchange.get().cancel();
            call.released();
            call.settlement().settle("cancelled");
            drain.closed(relay);
        });
    }

    /** Turns the upstream's one JSON body, or its failure, into the client's response. */
    private final class Relay implements UpstreamListener, InFlight {

        private final AsyncResponse response;
        /** Set by whichever comes first: the send returning, or a failover replacing it. */
        private final AtomicReference<Exchange> exchange = new AtomicReference<>();
        /** The client hung up: a pending tool round must not call the model again. */
        private volatile boolean gone;

        Relay(AsyncResponse response) {
            this.response = response;
        }

        @Override
        public void onData(String data) {
            JsonObject completion = Chunks.parse(data);
            if (completion == null || Chunks.hasNoChoices(completion)) {
                onFailure(UpstreamErrors.malformed("not a chat completion"));
                return;
            }
            call.succeeded();
            call.settlement().usage(Chunks.usage(completion));
            if (call.tools() != null) {
                ToolLoop.Turn turn = ToolAnswer.turn(call.tools(), completion);
                if (call.tools().continues(turn)) {
                    call.nextRound(turn, false, this, next -> {
                        exchange.set(next);
                        if (gone) {
                            next.cancel();
                        }
                    });
                    return;
                }
                completion = ToolAnswer.finish(call.tools(), completion, turn, call.settlement().totalUsage());
                data = completion.toString();
            }
            if (call.settlement().capturing()) {
                call.settlement().text(Chunks.messageContent(completion));
            }
            JsonObject schema = StrictOutput.schemaOf(call.request());
            String problem = schema == null ? null : StrictOutput.problem(schema, completion);
            if (problem != null) {
                // The provider was paid for this answer, so it is billed, but the client gets no invalid output.
                response.resume(new ApiException(502, "upstream_error", "invalid_upstream_output", "response_format",
                        "The model's answer does not match the strict json_schema: " + problem));
                call.settlement().settle("failed");
                drain.closed(this);
                return;
            }
            response.resume(Response.ok(Chunks.renameModel(data, call.quotedModel()), MediaType.APPLICATION_JSON_TYPE)
                    .build());
            call.settlement().settle("ok");
            drain.closed(this);
        }

        /** Shutdown's grace period is over: the client gets a 503 instead of the answer. */
        @Override
        public void abort() {
            Exchange running = exchange.get();
            if (running != null) {
                running.cancel();
            }
            call.released();
            if (response.resume(Drain.SHUTTING_DOWN)) {
                call.settlement().settle("failed");
            }
            drain.closed(this);
        }

        @Override
        public boolean streaming() {
            return false;
        }

        @Override
        public void onComplete() {
            // The answer was resumed with the data.
        }

        @Override
        public void onFailure(ApiException failure) {
            call.upstreamFailed(failure);
            if (call.failover(failure)) {
                exchange.set(call.send(false, this));
                return;
            }
            response.resume(failure);
            call.settlement().settle("failed");
            drain.closed(this);
        }
    }
}
