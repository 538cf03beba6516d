package ai.altllm.gateway.portal;

import static ai.altllm.gateway.json.Jsonp.JSON;

import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorKind;
import ai.altllm.gateway.keys.Account;
import ai.altllm.gateway.keys.AccountRepository;
import ai.altllm.gateway.keys.AdminKey;
import ai.altllm.gateway.keys.Passwords;
import ai.altllm.gateway.throttle.AuthThrottle;
import ai.altllm.gateway.throttle.ClientAddress;
import ai.altllm.gateway.web.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Optional;

/**
 * {@code /portal/api/session}: sign in with an account name and password (or as {@code admin} with the admin key),
 * see who is signed in, sign out. Failed sign-ins are throttled by {@link AuthThrottle}.
 */
@Path("portal/api/session")
@Session
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    static final String ADMIN_NAME = "admin";

    @Inject
    AccountRepository accounts;

    @Inject
    Passwords passwords;

    @Inject
    AuthThrottle throttle;

    @Context
    HttpServletRequest request;

    @POST
    @SignIn
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(String body) {
        JsonObject json = parse(body);
        String name = text(json, "account");
        String password = text(json, "password");
        PortalSession session;
        if (ADMIN_NAME.equals(name) && AdminKey.fromEnvironment().matches(password)) {
            // The operator's key works even from a throttled address, as on the admin API: nobody can lock them out.
            session = new PortalSession(null, ADMIN_NAME, true);
        } else {
            try (AuthThrottle.Attempt attempt = throttle.begin(ClientAddress.of(request.getRemoteAddr()), name)) {
                session = check(name, password);
                if (session == null) {
                    attempt.failed();
                    throw ErrorKind.UNAUTHORIZED.error("invalid_credentials", "Wrong account or password.");
                }
                attempt.succeeded();
            }
        }
        session.signIn(request);
        return Response.ok(describe(session).toString()).build();
    }

    @GET
    public String whoAmI() {
        return describe(PortalSession.of(request)).toString();
    }

    @DELETE
    public Response signOut() {
        PortalSession.signOut(request);
        return Response.noContent().build();
    }

    private PortalSession check(String name, String password) {
        if (ADMIN_NAME.equals(name)) {
            return AdminKey.fromEnvironment().matches(password) ? new PortalSession(null, ADMIN_NAME, true) : null;
        }
        Optional<Account> account = accounts.find(name).filter(a -> a.name().equals(name));
        String stored = account.flatMap(a -> accounts.passwordHash(a.id())).orElse(null);
        // Always one PBKDF2 verification, so unknown names and wrong passwords take the same time.
        return passwords.verify(password, stored) ? new PortalSession(account.get().id(), name, false) : null;
    }

    private static JsonObject describe(PortalSession session) {
        var account = JSON.createObjectBuilder().add("name", session.accountName());
        if (session.accountId() != null) {
            account.add("id", session.accountId());
        }
        return JSON.createObjectBuilder().add("account", account).add("admin", session.admin()).build();
    }

    private static JsonObject parse(String body) {
        try (JsonReader reader = JSON.createReader(new StringReader(body == null ? "" : body))) {
            return reader.readObject();
        } catch (JsonParsingException | IllegalStateException | ClassCastException e) {
            throw ErrorKind.BAD_REQUEST.error("invalid_json",
                    "The body must be a JSON object with account and password.");
        }
    }

    private static String text(JsonObject json, String field) {
        if (!(json.get(field) instanceof JsonString s) || s.getString().isEmpty()
                || s.getString().length() > 1024) {
            throw ApiException.invalid(field, field + " is required");
        }
        return s.getString();
    }
}
