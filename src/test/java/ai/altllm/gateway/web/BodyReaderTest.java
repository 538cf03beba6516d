package ai.altllm.gateway.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BodyReader on a scripted input: a whole body is dispatched; too large, too slow or over budget is refused. */
class BodyReaderTest {

    private final Map<String, Object> attributes = new HashMap<>();
    private final Map<String, Object> sent = new HashMap<>();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final List<String> calls = new java.util.ArrayList<>();
    private final BodyBudget budget = new BodyBudget();

    @Test
    void aBodyCompleteBeforeTheFilterReturnsIsHandedToTheFilterNotDispatched() throws Exception {
        BodyReader reader = new BodyReader(async(), new Chunks("{\"model\":", "\"m\"}"), -1, limits(1024, 1024),
                budget);
        reader.onDataAvailable();
        reader.onAllDataRead();
        assertArrayEquals("{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8), reader.leaveFilter());
        assertEquals(List.of(), calls, "the filter passes it on in its own dispatch");
        assertEquals(0, budget.held());
    }

    @Test
    void aBodyCompletedAfterTheFilterReturnedIsDispatchedWithTheBytesAndTheBudgetGivenBack() throws Exception {
        Chunks in = new Chunks("{\"model\":", "\"m\"}");
        BodyReader reader = new BodyReader(async(), in, -1, limits(1024, 1024), budget);
        assertNull(reader.leaveFilter(), "nothing has arrived yet");
        reader.onDataAvailable();
        assertEquals(13, budget.held());
        reader.onAllDataRead();
        assertArrayEquals("{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8), (byte[]) attributes.get(
                BodyFilter.ATTRIBUTE));
        assertEquals(List.of("dispatch"), calls);
        assertEquals(0, budget.held());
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413AfterItEnds() throws Exception {
        BodyReader reader = new BodyReader(async(), new Chunks("0123456789", "abc"), -1, limits(8, 1024), budget);
        reader.onDataAvailable();
        reader.onAllDataRead();
        assertRefused(413, "request_too_large");
        assertNull(attributes.get(BodyFilter.ATTRIBUTE));
    }

    @Test
    void aDeclaredLengthOverTheLimitIsNeverBuffered() throws Exception {
        BodyReader reader = new BodyReader(async(), new Chunks("0123"), 100, limits(8, 1024), budget);
        reader.onDataAvailable();
        assertEquals(0, budget.held());
        reader.onAllDataRead();
        assertRefused(413, "request_too_large");
    }

    @Test
    void aBodyStillArrivingAtTheDeadlineGets408AndFreesItsBytes() throws Exception {
        BodyReader reader = new BodyReader(async(), new Chunks("{\"mo"), -1, limits(1024, 1024), budget);
        reader.onDataAvailable();
        reader.onTimeout(null);
        assertRefused(408, "request_timeout");
        assertEquals(0, budget.held());
        reader.onAllDataRead();
        assertEquals(List.of("complete"), calls, "a late end of body changes nothing");
    }

    @Test
    void bodiesOverTheSharedBudgetGet503WithRetryAfter() throws Exception {
        BodyReader first = new BodyReader(async(), new Chunks("0123456789"), -1, limits(1024, 12), budget);
        first.onDataAvailable();
        BodyReader second = new BodyReader(async(), new Chunks("0123456789"), -1, limits(1024, 12), budget);
        second.onDataAvailable();
        assertRefused(503, "service_unavailable");
        assertEquals("1", sent.get("Retry-After"));
        assertEquals(10, budget.held(), "the first body keeps its bytes");
    }

    private void assertRefused(int status, String code) {
        assertEquals(status, sent.get("status"));
        assertEquals("close", sent.get("Connection"));
        String body = written.toString(StandardCharsets.UTF_8);
        assertTrue(body.contains("\"code\":\"" + code + "\""), body);
        assertEquals(List.of("complete"), calls);
    }

    private static BodyReader.Limits limits(long max, long buffer) {
        return new BodyReader.Limits(max, buffer, 30_000);
    }

    private AsyncContext async() {
        ServletRequest request = proxy(ServletRequest.class, (name, args) -> {
            if (name.equals("setAttribute")) {
                attributes.put((String) args[0], args[1]);
            }
            return null;
        });
        HttpServletResponse response = proxy(HttpServletResponse.class, (name, args) -> switch (name) {
            case "setStatus" -> sent.put("status", args[0]);
            case "setHeader" -> sent.put((String) args[0], args[1]);
            case "getOutputStream" -> new Output(written);
            default -> null;
        });
        return proxy(AsyncContext.class, (name, args) -> switch (name) {
            case "getRequest" -> request;
            case "getResponse" -> response;
            case "dispatch", "complete" -> calls.add(name);
            default -> null;
        });
    }

    private interface Handler {
        Object call(String name, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    Object result = handler.call(method.getName(), args);
                    return method.getReturnType() == boolean.class && !(result instanceof Boolean) ? false : result;
                }));
    }

    /** Hands over its chunks one read at a time, then is not ready (more may come). */
    private static final class Chunks extends ServletInputStream {

        private final Deque<byte[]> chunks = new ArrayDeque<>();

        Chunks(String... parts) {
            for (String part : parts) {
                chunks.add(part.getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public int read(byte[] b, int off, int len) {
            byte[] chunk = chunks.poll();
            System.arraycopy(chunk, 0, b, off, chunk.length);
            return chunk.length;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isReady() {
            return !chunks.isEmpty();
        }

        @Override
        public boolean isFinished() {
            return chunks.isEmpty();
        }

        @Override
        public void setReadListener(ReadListener listener) {
        }
    }

    private static final class Output extends ServletOutputStream {

        private final ByteArrayOutputStream to;

        Output(ByteArrayOutputStream to) {
            this.to = to;
        }

        @Override
        public void write(int b) {
            to.write(b);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
        }
    }
}
