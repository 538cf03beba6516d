package ai.altllm.gateway.chat;

import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorKind;
import ai.altllm.gateway.shutdown.Drain;
import ai.altllm.gateway.upstream.UpstreamErrors;
import jakarta.json.JsonObject;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.ConnectionCallback;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Turns the upstream's one JSON body, or its failure, into the client's response. */
final class JsonRelay extends ChatRelay {

    private final AsyncResponse response;

    JsonRelay(ChatCall call, Drain drain, AsyncResponse response) {
        super(call, drain);
        this.response = response;
    }

    /** Sends the call and answers the suspended response when it ends, holding no thread while it waits. */
    static JsonRelay answer(ChatCall call, Drain drain, AsyncResponse response) {
        JsonRelay relay = new JsonRelay(call, drain, response);
        relay.start(false);
        // Containers that can tell (not all can) stop the provider when the client hangs up.
        response.register((ConnectionCallback) disconnected -> relay.finish(Outcome.clientGone()));
        return relay;
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
                call.nextRound(turn, false, this, this::switchedTo);
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
            finish(Outcome.failed(ErrorKind.BAD_GATEWAY.error("invalid_upstream_output", "response_format",
                    "The model's answer does not match the strict json_schema: " + problem)));
            return;
        }
        finish(Outcome.completed(Chunks.renameModel(data, call.quotedModel())));
    }

    /** Shutdown's grace period is over: the client gets a 503 instead of the answer. */
    @Override
    public void abort() {
        finish(Outcome.drained());
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
            switchedTo(call.send(false, this));
            return;
        }
        finish(Outcome.failed(failure));
    }

    @Override
    void answer(Outcome outcome) {
        if (outcome.error() != null) {
            response.resume(outcome.error());
        } else {
            response.resume(Response.ok(outcome.body(), MediaType.APPLICATION_JSON_TYPE).build());
        }
    }

    @Override
    void close() {
        // Resuming the response was the last of it.
    }
}
