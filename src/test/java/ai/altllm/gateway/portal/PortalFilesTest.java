package ai.altllm.gateway.portal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.altllm.gateway.errors.ApiException;
import jakarta.servlet.ServletContext;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** PortalFiles caches the files it serves and never a miss (issue 18, item 5: 10,000 random 404s kept 82 MB). */
class PortalFilesTest {

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final PortalFiles portal = new PortalFiles();

    PortalFilesTest() {
        portal.servlet = (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getResourceAsStream")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    lookups.incrementAndGet();
                    byte[] bytes = files.get((String) args[0]);
                    return bytes == null ? null : new ByteArrayInputStream(bytes);
                });
    }

    @Test
    void missesAreLookedUpEveryTimeSoNothingIsStoredForThem() {
        for (int i = 0; i < 10_000; i++) {
            int status = assertThrows(ApiException.class, () -> portal.file("missing.html")).status();
            assertEquals(404, status);
        }
        assertEquals(10_000, lookups.get(), "a cached miss would be looked up once");

        files.put("/portal/missing.html", "now here".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("now here".getBytes(StandardCharsets.UTF_8),
                (byte[]) portal.file("missing.html").getEntity(), "a miss must not be remembered");
    }

    @Test
    void aRealFileIsReadOnceAndServedFromTheCache() {
        files.put("/portal/keys.html", "<p>keys</p>".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, portal.file("keys.html").getStatus());
        }
        assertEquals(1, lookups.get());
    }
}
