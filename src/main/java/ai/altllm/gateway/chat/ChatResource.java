package ai.altllm.gateway.chat;

import ai.altllm.gateway.accesslog.AccessRecord;
import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.keys.Caller;
import ai.altllm.gateway.limits.admission.Gatekeeper;
import ai.altllm.gateway.limits.admission.SelfAdmitted;
import ai.altllm.gateway.shutdown.Drain;
import ai.altllm.gateway.web.ApiKey;
import ai.altllm.gateway.web.ServletResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code POST /v1/chat/completions}, answered as JSON or as an event stream as the body's {@code stream} flag chose
 * ({@link ChatBodyFilter}). The caller is already authenticated; each request is planned, admitted, then relayed.
 */
@Path("v1/chat/completions")
@ApiKey
@Consumes(MediaType.APPLICATION_JSON)
@SelfAdmitted
@ApplicationScoped
public class ChatResource {

    @Inject
    ChatPlan plan;

    @Inject
    Gatekeeper admission;

    @Inject
    Caller caller;

    @Inject
    Configuration configuration;

    @Inject
    ClientWriters writers;

    @Inject
    Drain drain;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public void complete(@Context HttpServletRequest request, @Suspended AsyncResponse response) {
        JsonRelay.answer(admitted(request), drain, response);
    }

    /** The 200 is committed when this returns, so later failures become an error event. */
    @POST
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context HttpServletRequest request, @Context SseEventSink sink, @Context Sse sse) {
        new StreamRelay(admitted(request), drain, sink, sse, writers).start(true);
    }

    private ChatCall admitted(HttpServletRequest request) {
        ChatBody body = ChatBody.of(request, configuration.get().maxRequestBytes());
        ChatCall call = plan.prepare(body, AccessRecord.of(request));
        call.settlement().admitted(admission.admit(caller.key(), call.settlement(), request,
                ServletResponses.of(request)));
        return call;
    }
}
