package ai.altllm.gateway;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Prints the gateway's ready line once its own {@code /health} answers 200, so the line tells the truth. */
final class ReadyLine {

    private static final Logger LOG = System.getLogger(Startup.class.getName());
    private static final Duration GIVE_UP = Duration.ofMinutes(5);

    private ReadyLine() {
    }

    /** Logs {@code line} after a self-probe of {@code /health} beside the API base {@code base} succeeds; at once when the URL is unknown. */
    static void printWhenServing(String base, String line, Runnable before) {
        if (!base.startsWith("http://")) {
            LOG.log(Level.INFO, line);
            return;
        }
        // The deployment thread must finish before the HTTP listener serves the application, so probe from another.
        Thread probe = new Thread(() -> probe(base.replaceFirst("/v1$", "") + "/health", line, before),
                "altllm-ready");
        probe.setDaemon(true);
        probe.start();
    }

    private static void probe(String url, String line, Runnable before) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.replace("://localhost:", "://127.0.0.1:")))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    // Lines still queued (this probe's own early 404s, say) must not come after the ready line.
                    before.run();
                    LOG.log(Level.INFO, line);
                    return;
                }
            } catch (java.io.IOException e) {
                // Not listening yet: try again shortly.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.log(Level.WARNING, line.replace(" ready: ", " deployed, but its /health did not answer 200: "));
    }
}
