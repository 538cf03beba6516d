package ai.altllm.gateway.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The route inventory, read from the resource classes themselves so it cannot drift from what is served. */
public final class Routes {

    /** One method and path template, and whether it answers without an API key. */
    public record Route(String method, String path, boolean isPublic, Access access) {

        public Route(String method, String path, boolean isPublic) {
            this(method, path, isPublic, isPublic ? Access.PUBLIC : Access.API_KEY);
        }

        /** How {@code /v1/provider} labels the route: none, a bearer key (API or admin), or the portal session. */
        public String auth() {
            return switch (access) {
                case PUBLIC -> "none";
                case SESSION -> "session";
                default -> "bearer";
            };
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Route r && r.method.equals(method) && r.path.equals(path) && r.isPublic == isPublic;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(method, path, isPublic);
        }
    }

    /** Each resource method's {@link Access}, worked out on first use: a filter asks on every request. */
    private static final ClassValue<Map<Method, Access>> ACCESS = new ClassValue<>() {
        @Override
        protected Map<Method, Access> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /**
     * Who may call a route: anyone, the holder of an API key, the operator with the admin key, or someone signed in
     * to the portal (a session cookie, for {@code portal/api/...}).
     */
    public enum Access {
        PUBLIC, API_KEY, ADMIN, SESSION,
        /** {@code /metrics}: the admin key or the metrics token, checked by the resource itself. */
        METRICS,
        /** No guard annotation, or several: held to an API key like {@link #API_KEY}, so the route fails closed. */
        UNGUARDED
    }

    /** The guard annotations and what each grants; name binding adds a method's guard to its class's, so both count. */
    private static final Map<Class<? extends Annotation>, Access> GUARDS = Map.of(Public.class, Access.PUBLIC,
            ApiKey.class, Access.API_KEY, Admin.class, Access.ADMIN, Session.class, Access.SESSION);

    /**
     * The one rule the filters and the inventory share: the route's guard annotation, on the method or its class;
     * {@code /metrics} checks its keys itself.
     */
    public static Access access(Class<?> resource, Method method) {
        if (resource == null || method == null) {
            return Access.UNGUARDED;
        }
        return ACCESS.get(resource).computeIfAbsent(method, m -> accessOf(resource, m));
    }

    private static Access accessOf(Class<?> resource, Method method) {
        Set<Access> guards = EnumSet.noneOf(Access.class);
        GUARDS.forEach((annotation, access) -> {
            if (resource.isAnnotationPresent(annotation) || method.isAnnotationPresent(annotation)) {
                guards.add(access);
            }
        });
        if (guards.size() == 1) {
            return guards.iterator().next();
        }
        Path path = resource.getAnnotation(Path.class);
        return guards.isEmpty() && path != null && join("", path.value()).equals("/metrics") ? Access.METRICS
                : Access.UNGUARDED;
    }

    private Routes() {
    }

    /** Every route the given resource classes serve, sorted by path, then method. */
    public static List<Route> all(Set<Class<?>> resources) {
        List<Route> routes = new ArrayList<>();
        for (Class<?> resource : resources) {
            String base = join("", resource.getAnnotation(Path.class).value());
            for (Method method : resource.getMethods()) {
                String verb = verb(method);
                Path sub = method.getAnnotation(Path.class);
                if (verb != null) {
                    Access access = access(resource, method);
                    Route route = new Route(verb, sub == null ? base : join(base, sub.value()),
                            access == Access.PUBLIC, access);
                    // One route may be served by several methods (chat: JSON or an event stream, by the body).
                    if (!routes.contains(route)) {
                        routes.add(route);
                    }
                }
            }
        }
        routes.sort(Comparator.comparing(Route::path).thenComparing(Route::method));
        return routes;
    }

    private static String verb(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** Joins path segments and writes templates like {@code {id: .+}} as plain {@code {id}}. */
    private static String join(String base, String sub) {
        String path = (base + "/" + sub).replaceAll("/+", "/").replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
