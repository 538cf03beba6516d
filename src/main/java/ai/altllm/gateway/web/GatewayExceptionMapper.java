package ai.altllm.gateway.web;

import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorEnvelope;
import ai.altllm.gateway.errors.ErrorKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Turns every exception that reaches JAX-RS, ours or the framework's, into the OpenAI error envelope. */
@Provider
public class GatewayExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = System.getLogger(GatewayExceptionMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable thrown) {
        if (thrown instanceof ApiException api) {
            return ErrorEnvelope.response(api);
        }
        if (thrown instanceof WebApplicationException web) {
            return fromFramework(web);
        }
        String requestId = RequestIds.of(request);
        LOG.log(Level.ERROR, "Unhandled error in request " + requestId, thrown);
        return ErrorEnvelope.response(ErrorKind.INTERNAL.error("internal_error",
                "The gateway hit an internal error; quote request id " + requestId + " when reporting it."));
    }

    private Response fromFramework(WebApplicationException web) {
        Response original = web.getResponse();
        if (original.hasEntity()) {
            return original;
        }
        int status = original.getStatus();
        ErrorKind kind = ErrorKind.of(status);
        ApiException api = ApiException.relayed(status, kind.type(), kind.code(), null, messageFor(status, web));
        Response.ResponseBuilder out = Response.fromResponse(ErrorEnvelope.response(api));
        if (web instanceof NotAllowedException) {
            out.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
        }
        original.getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Retry-After") || name.equalsIgnoreCase(HttpHeaders.WWW_AUTHENTICATE)) {
                values.forEach(v -> out.header(name, v));
            }
        });
        return out.build();
    }

    private String messageFor(int status, WebApplicationException web) {
        String method = request == null ? "?" : request.getMethod();
        String path = request == null ? "?" : request.getRequestURI();
        return switch (status) {
            case 404 -> "Unknown URL: " + method + " " + path;
            case 405 -> "Method " + method + " is not allowed on " + path + "; allowed: "
                    + web.getResponse().getHeaderString(HttpHeaders.ALLOW);
            case 406 -> "Cannot produce a response in the requested Accept type; this endpoint answers JSON";
            case 415 -> "Content-Type '" + (request == null ? "?" : request.getContentType()) + "' is not supported on "
                    + method + " " + path + "; send application/json";
            case 400 -> "Malformed request: " + (web.getCause() != null ? "the body could not be read as JSON"
                    : "check the URL, headers and body");
            default -> Response.Status.Family.familyOf(status) == Response.Status.Family.SERVER_ERROR
                    ? "The gateway could not complete the request"
                    : "The request was refused (HTTP " + status + ")";
        };
    }
}
