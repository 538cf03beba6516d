package ai.altllm.gateway.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body was already read into memory by {@link BodyFilter}: reading it never blocks. When the filter
 * passes it on in the dispatch that started async mode to read the body, that async cycle is handed to whoever
 * starts one next (JAX-RS for an async resource), and the filter completes it if nobody did.
 */
final class BufferedRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final AsyncContext held;
    private ServletInputStream stream;
    private boolean suspended;

    /** @param held the async cycle already started for this dispatch, or null after a new dispatch */
    BufferedRequest(HttpServletRequest request, byte[] body, AsyncContext held) {
        super(request);
        this.body = body;
        this.held = held;
    }

    /** Whether someone took over the held async cycle, and so will complete it. */
    boolean suspended() {
        return suspended;
    }

    @Override
    public boolean isAsyncStarted() {
        return held == null ? super.isAsyncStarted() : suspended;
    }

    @Override
    public AsyncContext startAsync() {
        return held == null ? super.startAsync() : take();
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
        return held == null ? super.startAsync(request, response) : take();
    }

    @Override
    public AsyncContext getAsyncContext() {
        return held == null ? super.getAsyncContext() : held;
    }

    private AsyncContext take() {
        suspended = true;
        return held;
    }

    @Override
    public ServletInputStream getInputStream() {
        if (stream == null) {
            stream = new Bytes(body);
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8
                : Charset.forName(getCharacterEncoding());
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    /** The body as a stream that is always ready. */
    private static final class Bytes extends ServletInputStream {

        private final ByteArrayInputStream in;

        Bytes(byte[] body) {
            in = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            try {
                if (!isFinished()) {
                    listener.onDataAvailable();
                }
                listener.onAllDataRead();
            } catch (IOException e) {
                listener.onError(e);
            }
        }
    }
}
