package ai.altllm.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.GatewayApplication;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RoutesTest {

    @Test
    void inventoryListsThePublicCatalogRoutesWithPlainTemplates() {
        List<Routes.Route> routes = Routes.all(GatewayApplication.RESOURCES);
        assertTrue(routes.contains(new Routes.Route("GET", "/health", true)), routes::toString);
        assertTrue(routes.contains(new Routes.Route("GET", "/health/ready", true)), routes::toString);
        assertTrue(routes.contains(new Routes.Route("GET", "/v1/models", true)), routes::toString);
        assertTrue(routes.contains(new Routes.Route("GET", "/v1/models/{id}", true)), routes::toString);
        assertTrue(routes.contains(new Routes.Route("GET", "/v1/provider", true)), routes::toString);
    }

    /**
     * The only routes anyone may call without a key: health, the catalog, and the portal's static files (the root
     * redirects to them); every other route, present or future, needs a key, the admin key or a portal session.
     */
    static final Pattern PUBLIC = Pattern
            .compile("/health(/.*)?|/v1/models(/.*)?|/v1/provider|/|/portal|/portal/\\{name}");

    @Test
    void everyRouteButHealthModelsAndProviderRequiresAKey() {
        for (Routes.Route route : Routes.all(GatewayApplication.RESOURCES)) {
            assertEquals(PUBLIC.matcher(route.path()).matches(), route.isPublic(), route.toString());
        }
        assertTrue(Routes.all(GatewayApplication.RESOURCES).contains(new Routes.Route("GET", "/v1/key", false)));
        assertTrue(Routes.all(GatewayApplication.RESOURCES)
                .contains(new Routes.Route("DELETE", "/admin/v1/keys/{id}", false)));
    }

    @Test
    void adminResourcesNeedTheAdminKeyAndNothingElseDoes() throws NoSuchMethodException {
        for (Class<?> resource : GatewayApplication.RESOURCES) {
            String path = resource.getAnnotation(jakarta.ws.rs.Path.class).value();
            for (java.lang.reflect.Method method : resource.getMethods()) {
                Routes.Access access = Routes.access(resource, method);
                if (path.startsWith("admin/")) {
                    assertEquals(Routes.Access.ADMIN, access, resource + "." + method.getName());
                } else {
                    assertTrue(access != Routes.Access.ADMIN, resource + "." + method.getName());
                }
            }
        }
    }

    @Test
    void chatCompletionsIsListedThroughItsLocatorAndNeedsAKey() {
        List<Routes.Route> routes = Routes.all(GatewayApplication.RESOURCES);
        assertTrue(routes.contains(new Routes.Route("POST", "/v1/chat/completions", false)), routes::toString);
        assertEquals(1, routes.stream().filter(r -> r.path().equals("/v1/chat/completions")).count());
    }

    @Test
    void portalRoutesAreLabelledSessionAndAdminRoutesBearer() {
        List<Routes.Route> routes = Routes.all(GatewayApplication.RESOURCES);
        assertTrue(routes.stream().anyMatch(r -> r.path().equals("/portal/api/accounts") && r.auth().equals("session")),
                routes::toString);
        assertTrue(routes.stream().anyMatch(r -> r.path().equals("/admin/v1/keys/{id}") && r.auth().equals("bearer")));
        assertTrue(routes.stream().anyMatch(r -> r.path().equals("/health") && r.auth().equals("none")));
    }
}
