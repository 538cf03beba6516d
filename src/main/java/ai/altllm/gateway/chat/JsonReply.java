package ai.altllm.gateway.chat;

import ai.altllm.gateway.shutdown.Drain;
import ai.altllm.gateway.web.ApiKey;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.ConnectionCallback;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;

/** Answers a non-streamed chat request once the upstream has, holding no thread while it waits. */
@ApiKey
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
        JsonRelay relay = new JsonRelay(call, drain, response);
        relay.start(false);
        // Containers that can tell (not all can) stop the provider when the client hangs up.
        response.register((ConnectionCallback) disconnected -> relay.finish(Outcome.clientGone()));
    }
}
