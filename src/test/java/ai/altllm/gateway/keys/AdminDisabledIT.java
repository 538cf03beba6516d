package ai.altllm.gateway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.GatewayApplication;
import ai.altllm.gateway.testsupport.Gateway;
import ai.altllm.gateway.web.Routes;
import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Without {@code ALTLLM_ADMIN_KEY} (its own failsafe execution) the admin API refuses everything and says why. */
@ExtendWith(ArquillianExtension.class)
class AdminDisabledIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Gateway.war();
    }

    @Test
    void everyAdminRouteAnswers403AdminDisabledWhateverTheCredentials() {
        assertNull(System.getenv("ALTLLM_ADMIN_KEY"), "this execution runs without an admin key");
        KeyClient client = new KeyClient(new Gateway(base));
        int checked = 0;
        for (Routes.Route route : Routes.all(GatewayApplication.RESOURCES)) {
            if (route.path().startsWith("/admin/")) {
                String path = route.path().replaceAll("\\{[^}]+}", "key_0000");
                for (String authorization : new String[] {"", "Bearer guess", "Bearer "}) {
                    JsonObject error = client.error(client.withAuthorization(route.method(), path, authorization),
                            403);
                    assertEquals("admin_disabled", error.getString("code"));
                    assertTrue(error.getString("message").contains("ALTLLM_ADMIN_KEY"));
                }
                checked++;
            }
        }
        assertEquals(9, checked, "accounts (2), keys (3), usage (1), credits (2) and config reload (1)");
        client.unauthorized(client.anonymous("GET", "/v1/key"));
    }
}
