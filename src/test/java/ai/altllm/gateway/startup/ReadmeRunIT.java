package ai.altllm.gateway.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.altllm.gateway.testsupport.ScriptedUpstream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README.md's "Run it" section, run as a newcomer would: its {@code local.json} written as shown, its shell block run
 * by bash with the gateway on port 8080 and a scripted OpenAI-compatible server where the README puts Ollama
 * (127.0.0.1:11434). Two changes only: the build line is left out (this runs after the build), and where the README
 * says the gateway is ready once /health answers, the script waits for that.
 */
class ReadmeRunIT {

    private static final int GATEWAY_PORT = 8080;
    private static final int LOCAL_SERVER_PORT = 11434;

    @Test
    void theRunSectionWorksAsWritten() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String section = section(readme, "## Run it");
        String config = block(section, "json");
        String script = block(section, "sh");
        assertTrue(script.contains("./mvnw -q package -DskipTests\n"), script);
        // The line that sends the gateway to the background (the end of its start command).
        String startLine = script.lines().filter(line -> line.matches(".* &\\s*(#.*)?")).findFirst()
                .orElseThrow(() -> new AssertionError("no command started in the background: " + script));
        assertTrue(startLine.contains("localhost:" + GATEWAY_PORT + "/health"), startLine);
        portsFree();

        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "readme-run");
        // The block names target/altllm-micro.jar from the checkout; the gateway's ./data lands in this directory.
        Files.createSymbolicLink(dir.resolve("target"), Path.of("target").toAbsolutePath());
        Files.writeString(dir.resolve("local.json"), config);
        String run = "set -u\n"
                + "trap 'kill $(cat gateway.pid) 2>/dev/null; wait' EXIT\n"
                + script.replace("./mvnw -q package -DskipTests\n", "")
                        .replace(startLine, startLine + "\necho $! > gateway.pid\n" + waitForHealth());
        Files.writeString(dir.resolve("readme-run.sh"), run);

        try (ScriptedUpstream local = ScriptedUpstream.start(LOCAL_SERVER_PORT)) {
            local.enqueueChat("Hello from the local server", 8, 6);
            Path out = dir.resolve("out.log");
            Process bash = new ProcessBuilder("bash", "readme-run.sh").directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            try {
                assertTrue(bash.waitFor(110, TimeUnit.SECONDS), "the README block did not finish; output in " + out);
            } finally {
                bash.descendants().forEach(ProcessHandle::destroy);
                bash.destroy();
                bash.onExit().get(30, TimeUnit.SECONDS);
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            assertEquals(0, bash.exitValue(), output);
            assertTrue(output.contains("\"content\":\"Hello from the local server\""), output);
            assertTrue(output.contains("\"total_tokens\":14"), output);

            ScriptedUpstream.Recorded call = local.take(Duration.ofSeconds(5));
            assertEquals("/v1/chat/completions", call.path());
            assertEquals("Bearer unused", call.header("Authorization"));
            assertTrue(call.body().contains("\"model\":\"llama3.2\""), call.body());
            // One deployment: a start that deploys, undeploys and deploys again answers /health, then fails it.
            assertEquals(1, count(output, "Loading application [ROOT]"), output);
            assertTrue(output.contains("AltLLM Gateway") && output.contains(" ready: "), output);
        }
    }

    /** Polls /health as the README's comment says to, for up to 90 s (a busy 2-core machine starts slowly). */
    private static String waitForHealth() {
        return "for _ in $(seq 1 900); do curl -sf -o /dev/null localhost:" + GATEWAY_PORT
                + "/health && break; kill -0 $(cat gateway.pid) || exit 3; sleep 0.1; done\n"
                + "curl -sf -o /dev/null localhost:" + GATEWAY_PORT + "/health || exit 4\n";
    }

    /** Another gateway, or an Ollama, on the README's ports makes the block fail for reasons of this machine. */
    private static void portsFree() {
        boolean ci = System.getenv("CI") != null;
        for (int port : List.of(GATEWAY_PORT, LOCAL_SERVER_PORT)) {
            boolean free = free(port);
            if (ci) {
                assertTrue(free, "port " + port + " is in use; the README's run section needs it");
            } else {
                assumeTrue(free, "port " + port + " is in use; the README's run section needs it");
            }
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    private static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "README.md has no section " + heading);
        int end = markdown.indexOf("\n## ", start + heading.length() + 2);
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }

    private static String block(String section, String language) {
        Matcher block = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertTrue(block.find(), "no ```" + language + " block in " + section);
        return block.group(1);
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }
}
