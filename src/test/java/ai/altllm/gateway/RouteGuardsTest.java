package ai.altllm.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.admin.AdminFilter;
import ai.altllm.gateway.limits.admission.AdmissionFilter;
import ai.altllm.gateway.limits.admission.AuthFilter;
import ai.altllm.gateway.limits.admission.UnguardedFilter;
import ai.altllm.gateway.portal.PortalFilter;
import ai.altllm.gateway.web.Admin;
import ai.altllm.gateway.web.ApiKey;
import ai.altllm.gateway.web.Public;
import ai.altllm.gateway.web.Routes;
import ai.altllm.gateway.web.Session;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every route the WAR serves carries exactly one guard, and each guard is bound to the filter that enforces it. */
class RouteGuardsTest {

    private static final List<Class<? extends Annotation>> GUARDS = List.of(Public.class, ApiKey.class,
            Admin.class, Session.class);

    @Test
    void everyResourceMethodHasExactlyOneGuard() {
        List<String> checked = new ArrayList<>();
        List<String> unguarded = new ArrayList<>();
        for (Class<?> resource : GatewayApplication.RESOURCES) {
            check(resource, checked, unguarded);
        }
        assertTrue(checked.size() > 30, "too few resource methods found: " + checked);
        assertEquals(List.of(), unguarded, "resource methods without exactly one guard (@Public, @ApiKey, @Admin or "
                + "@Session), each with the guards it has");
    }

    /** Reads a resource class, and through each sub-resource locator the classes it returns, whose guards count. */
    private static void check(Class<?> type, List<String> checked, List<String> unguarded) {
        for (Method method : type.getMethods()) {
            String name = type.getSimpleName() + "." + method.getName();
            if (isResourceMethod(method)) {
                checked.add(name);
                List<Class<? extends Annotation>> guards = GUARDS.stream()
                        .filter(g -> type.isAnnotationPresent(g) || method.isAnnotationPresent(g)).toList();
                boolean metrics = guards.isEmpty() && Routes.access(type, method) == Routes.Access.METRICS;
                if (guards.size() != 1 && !metrics) {
                    unguarded.add(name + " " + guards.stream().map(Class::getSimpleName).toList());
                }
            } else if (method.isAnnotationPresent(Path.class)) {
                Class<?> located = method.getReturnType();
                Class<?>[] permitted = located.getPermittedSubclasses();
                for (Class<?> sub : permitted == null ? new Class<?>[] {located} : permitted) {
                    check(sub, checked, unguarded);
                }
            }
        }
    }

    private static boolean isResourceMethod(Method method) {
        return Stream.of(method.getAnnotations()).anyMatch(a -> a.annotationType().isAnnotationPresent(
                HttpMethod.class));
    }

    /** The guards replaced rules on path prefixes; the prefixes still say which guard a route must carry. */
    @Test
    void pathsAgreeWithGuards() {
        for (Routes.Route route : Routes.all(GatewayApplication.RESOURCES)) {
            String path = route.path();
            assertEquals(path.startsWith("/admin/"), route.access() == Routes.Access.ADMIN, route.toString());
            assertEquals(path.startsWith("/portal/api/"), route.access() == Routes.Access.SESSION, route.toString());
            assertEquals(path.equals("/metrics"), route.access() == Routes.Access.METRICS, route.toString());
            assertTrue(route.access() != Routes.Access.UNGUARDED, route.toString());
        }
    }

    @Test
    void eachGuardIsANameBindingOfOneRegisteredFilter() {
        Set<Class<?>> registered = new GatewayApplication().getClasses();
        Map<Class<? extends Annotation>, Class<?>> expected = Map.of(ApiKey.class, AuthFilter.class, Admin.class,
                AdminFilter.class, Session.class, PortalFilter.class);
        expected.forEach((guard, filter) -> {
            assertTrue(guard.isAnnotationPresent(NameBinding.class), guard + " is no @NameBinding");
            Set<Class<?>> bound = registered.stream().filter(ContainerRequestFilter.class::isAssignableFrom)
                    .filter(c -> c.isAnnotationPresent(guard)).collect(Collectors.toSet());
            assertEquals(Set.of(filter), bound, "the filters bound to " + guard.getSimpleName());
        });
        // Both must see every route: the one holds unguarded routes to a key, the other admits whatever has one.
        for (Class<?> global : List.of(UnguardedFilter.class, AdmissionFilter.class)) {
            assertTrue(registered.contains(global), global + " is not registered");
            assertTrue(Stream.of(global.getAnnotations()).noneMatch(a -> a.annotationType().isAnnotationPresent(
                    NameBinding.class)), global + " is bound to a name: it would miss unbound routes");
        }
    }
}
