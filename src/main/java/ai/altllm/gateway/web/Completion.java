package ai.altllm.gateway.web;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs something when a request has really ended: at once for a plain request, at completion for an async one. */
public final class Completion {

    private Completion() {
    }

    /** Call from a filter after {@code chain.doFilter} returned. */
    public static void whenDone(HttpServletRequest request, Runnable action) {
        if (!request.isAsyncStarted()) {
            action.run();
            return;
        }
        AtomicBoolean ran = new AtomicBoolean();
        request.getAsyncContext().addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                if (ran.compareAndSet(false, true)) {
                    action.run();
                }
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                // onComplete follows.
            }

            @Override
            public void onError(AsyncEvent event) {
                // onComplete follows.
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // A request whose body BodyFilter read is dispatched and started again (by JAX-RS): a new cycle
                // forgets its listeners, so follow it to its real end.
                event.getAsyncContext().addListener(this);
            }
        });
    }
}
