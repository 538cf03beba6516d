package ai.altllm.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoutesTest {

    @Test
    void inventoryListsThePublicCatalogRoutesWithPlainTemplates() {
        List<Routes.Route> routes = Routes.all();
        assertTrue(routes.contains(new Routes.Route("GET", "/health", true)), routes::toString);
        assertTrue(routes.contains(new Routes.Route("GET", "/health/ready", true)), routes::toString);
        assertTrue(routes.contains(new Routes.Route("GET", "/v1/models", true)), routes::toString);
        assertTrue(routes.contains(new Routes.Route("GET", "/v1/models/{id}", true)), routes::toString);
        assertTrue(routes.contains(new Routes.Route("GET", "/v1/provider", true)), routes::toString);
    }

    @Test
    void chatCompletionsIsListedThroughItsLocatorAndNeedsAKey() {
        List<Routes.Route> routes = Routes.all();
        assertTrue(routes.contains(new Routes.Route("POST", "/v1/chat/completions", false)), routes::toString);
        assertEquals(1, routes.stream().filter(r -> r.path().equals("/v1/chat/completions")).count());
    }
}
