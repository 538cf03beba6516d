package ai.altllm.gateway.chat;

import ai.altllm.gateway.accesslog.AccessRecord;
import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.keys.KeyCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Lets the body of {@code POST /v1/chat/completions} choose how it is answered, as OpenAI does: its {@code stream}
 * flag, not {@code Accept} (official SDKs send {@code Accept: application/json} even for streams), picks the JSON or
 * the event-stream method. Only a known caller's body is read, so the key is checked first (401).
 */
@Provider
@PreMatching
@ApplicationScoped
public class ChatBodyFilter implements ContainerRequestFilter {

    private static final String ROUTE = "v1/chat/completions";

    @Context
    HttpServletRequest servletRequest;

    @Inject
    KeyCheck keys;

    @Inject
    Configuration configuration;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String route = path.startsWith("/") ? path.substring(1) : path;
        if (!route.startsWith(ROUTE)) {
            return;
        }
        MediaType type = request.getMediaType();
        boolean readable = "POST".equals(request.getMethod()) && type != null
                && MediaType.APPLICATION_JSON_TYPE.isCompatible(type)
                && (route.equals(ROUTE) || route.equals(ROUTE + "/"));
        boolean stream = false;
        if (readable) {
            AccessRecord.of(servletRequest).chat(null);
            try {
                keys.authenticate(servletRequest);
            } catch (WebApplicationException refused) {
                request.abortWith(refused.getResponse());
                return;
            }
            ChatBody body = ChatBody.of(servletRequest, configuration.get().maxRequestBytes());
            body.keep(servletRequest);
            stream = body.streams();
        }
        // Anything else is left to matching (404, 405, 415), whatever the client would accept.
        request.getHeaders().putSingle(HttpHeaders.ACCEPT,
                stream ? MediaType.SERVER_SENT_EVENTS : MediaType.APPLICATION_JSON);
    }
}
