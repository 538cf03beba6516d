package ai.altllm.gateway.portal;

import ai.altllm.gateway.errors.ErrorKind;
import ai.altllm.gateway.web.Public;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the portal's static files from {@code webapp/portal}. JAX-RS owns every path of the application (so that
 * every error is an OpenAI envelope), hence this small file server instead of the container's default servlet.
 */
@Path("")
@Public
@ApplicationScoped
public class PortalFiles {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8");
    /** Same-origin only, no inline script, no framing: the portal handles API keys. */
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /** Only files that exist: a miss is not stored, so random names cannot grow the heap. */
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @Context
    ServletContext servlet;

    @GET
    public Response root() {
        return Response.seeOther(URI.create("portal/")).build();
    }

    /** {@code /portal} and {@code /portal/} match the same template; relative links need the slash. */
    @GET
    @Path("portal")
    public Response index(@Context UriInfo uri) {
        return uri.getPath().endsWith("/") ? file("index.html") : Response.seeOther(URI.create("portal/")).build();
    }

    /** Only plain names like {@code keys.html}: no directories, so no traversal is possible. */
    @GET
    @Path("portal/{name: [a-z][a-z0-9-]*\\.(html|css|js)}")
    public Response file(@PathParam("name") String name) {
        byte[] bytes = cache.computeIfAbsent(name, this::read);
        if (bytes == null) {
            throw ErrorKind.NOT_FOUND.error("not_found", "Unknown URL: GET /portal/" + name);
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return Response.ok(bytes, TYPES.get(extension))
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-cache")
                .build();
    }

    /** Null for a missing file: {@code computeIfAbsent} then stores nothing. */
    private byte[] read(String name) {
        try (InputStream in = servlet.getResourceAsStream("/portal/" + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
