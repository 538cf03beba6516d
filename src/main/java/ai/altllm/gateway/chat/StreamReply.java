package ai.altllm.gateway.chat;

import ai.altllm.gateway.shutdown.Drain;
import ai.altllm.gateway.web.ApiKey;
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
@ApiKey
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
        new StreamRelay(call, drain, sink, sse, writers).start(true);
    }
}
