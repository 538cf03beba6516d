package ai.altllm.gateway.web;

import jakarta.servlet.ServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Request ids: taken from a well-formed incoming {@code X-Request-Id}, otherwise made here. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = "ai.altllm.requestId";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    /** Keeps a caller's id only if it is safe to echo into headers and logs. */
    static String accept(String incoming) {
        return incoming != null && WELL_FORMED.matcher(incoming).matches() ? incoming : create();
    }

    static String create() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "req_" + HexFormat.of().formatHex(bytes);
    }

    /** The id, read through JAX-RS's request properties (which are the servlet request's attributes). */
    public static String of(ContainerRequestContext request) {
        return text(request.getProperty(ATTRIBUTE));
    }

    public static String of(ServletRequest request) {
        return text(request == null ? null : request.getAttribute(ATTRIBUTE));
    }

    private static String text(Object id) {
        return id == null ? "unknown" : id.toString();
    }
}
