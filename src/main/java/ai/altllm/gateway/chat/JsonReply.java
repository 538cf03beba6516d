package ai.altllm.gateway.chat;

import ai.altllm.gateway.errors.ApiException;
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

    JsonReply(ChatCall call) {
        this.call = call;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public void reply(@Suspended AsyncResponse response) {
        Relay relay = new Relay(response);
        relay.exchange.compareAndSet(null, call.send(false, relay));
        // Containers that can tell (not all can) stop the provider when the client hangs up.
        response.register((ConnectionCallback) disconnected -> {
            relay.gone = true;
            relay.exchange.get().cancel();
            call.released();
            call.settlement().settle("cancelled");
        });
    }

    /** Turns the upstream's one JSON body, or its failure, into the client's response. */
    private final class Relay implements UpstreamListener {

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
            JsonObject schema = StrictOutput.schemaOf(call.request());
            String problem = schema == null ? null : StrictOutput.problem(schema, completion);
            if (problem != null) {
                // The provider was paid for this answer, so it is billed, but the client gets no invalid output.
                response.resume(new ApiException(502, "upstream_error", "invalid_upstream_output", "response_format",
                        "The model's answer does not match the strict json_schema: " + problem));
                call.settlement().settle("failed");
                return;
            }
            response.resume(Response.ok(Chunks.renameModel(data, call.quotedModel()), MediaType.APPLICATION_JSON_TYPE)
                    .build());
            call.settlement().settle("ok");
        }

        @Override
        public void onComplete() {
            // The answer was resumed with the data.
        }

        @Override
        public void onFailure(ApiException failure) {
            if (call.failover(failure)) {
                exchange.set(call.send(false, this));
                return;
            }
            response.resume(failure);
            call.settlement().settle("failed");
        }
    }
}
