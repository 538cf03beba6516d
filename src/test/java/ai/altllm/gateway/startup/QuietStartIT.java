package ai.altllm.gateway.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.altllm.gateway.testsupport.ListeningPorts;
import ai.altllm.gateway.testsupport.MicroInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The real standalone jar starts quietly, listens on its HTTP port alone, and prints its ready line last, only once
 * /health answers.
 */
class QuietStartIT {

    @Test
    void fewLinesAndReadyLineLastAfterHealth() throws Exception {
        int port = MicroInstance.freePort();
        Path dir = Files.createTempDirectory(Path.of("target"), "quiet-start");
        Path log = dir.resolve("out.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target/altllm-micro.jar").toAbsolutePath().toString(), "--port",
                Integer.toString(port)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            boolean healthy = false;
            List<String> atHealth = List.of();
            while (!healthy && System.nanoTime() < deadline && process.isAlive()) {
                atHealth = Files.readAllLines(log);
                try {
                    healthy = client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (java.io.IOException e) {
                    Thread.sleep(100);
                }
            }
            assertTrue(healthy, "no 200 on /health; log in " + log);
            if (ListeningPorts.readable()) {
                // Issue 18 item 10: clustering is off in the jar, so nothing but HTTP may listen (no Hazelcast 690x).
                assertEquals(Set.of(port), ListeningPorts.of(process.pid()), "ports the jar listens on");
            }
            assertTrue(atHealth.stream().noneMatch(l -> l.contains("AltLLM Gateway") && l.contains(" ready: ")),
                    "ready line printed before /health answered: " + atHealth);
            Thread.sleep(3000);
            List<String> lines = Files.readAllLines(log);
            assertTrue(lines.size() <= 15, lines.size() + " log lines at start: " + lines);
            assertTrue(lines.get(lines.size() - 1).contains("AltLLM Gateway") && lines.get(lines.size() - 1)
                    .contains(" ready: "), "the ready line is not last: " + lines);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }
}
