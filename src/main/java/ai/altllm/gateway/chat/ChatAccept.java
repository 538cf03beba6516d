package ai.altllm.gateway.chat;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Lets {@code /v1/chat/completions} ignore {@code Accept}, as OpenAI does: the body's {@code stream} flag decides
 * between JSON and an event stream, and official SDKs send {@code Accept: application/json} even for streams (the
 * Node SDK does), which JAX-RS content negotiation would otherwise answer with 406.
 */
@Provider
@PreMatching
public class ChatAccept implements ContainerRequestFilter {

    private static final String BOTH = "application/json, text/event-stream";

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("v1/chat/completions") || path.startsWith("/v1/chat/completions")) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, BOTH);
        }
    }
}
