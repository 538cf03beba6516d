package ai.altllm.gateway.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one of the Node scripts under {@code src/test/e2e} (browser and official-SDK checks) and fails on failure. */
public final class NodeScript {

    private static final Path DIR = Path.of("src", "test", "e2e");

    private NodeScript() {
    }

    /** Runs the script to the end and returns its output; a non-zero exit fails the test with that output. */
    public static String run(String script, Duration timeout, String... args) throws IOException, InterruptedException {
        assumeTrue(onPath("node"), "skipped: Node.js not found (no node on PATH)");
        if (Files.readString(DIR.resolve(script), StandardCharsets.UTF_8).contains("./browser.mjs")) {
            Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
            assumeTrue(Files.isExecutable(chromium), "skipped: " + script + " drives Chromium, not found at "
                    + chromium + " (install Debian's chromium, or set CHROMIUM to a Chromium binary)");
        }
        assertTrue(Files.isDirectory(DIR.resolve("node_modules")), "Node packages missing: run "
                + "`npm ci --prefix src/test/e2e` (the build does this before the ITs when npm is found)");
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(Path.of("target"), "node-" + script, ".log");
        Process process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(finished, script + " did not finish within " + timeout + ":\n" + output);
        assertEquals(0, process.exitValue(), script + " failed:\n" + output);
        return output;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
