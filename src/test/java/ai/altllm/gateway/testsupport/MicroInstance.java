package ai.altllm.gateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro process started by a test (for tests that need more than the one server Arquillian manages), with
 * the real WAR at the root context, talking only on 127.0.0.1. Its output goes to a log file the test can read.
 */
public final class MicroInstance implements AutoCloseable {

    // HTTP/1.1: the JDK client's default first tries an h2c upgrade, which is not what a health probe should test.
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private MicroInstance(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts an instance and waits until {@code /health} answers 200.
     *
     * @param microOptions extra Payara Micro options, e.g. clustering
     * @param systemProperties JVM system properties for the gateway
     */
    public static MicroInstance start(String name, List<String> microOptions, Map<String, String> systemProperties,
            Map<String, String> environment, Duration timeout) {
        int port = freePort();
        Path target = Path.of(System.getProperty("java.io.tmpdir", "target"));
        Path log = target.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-Djava.io.tmpdir=" + target));
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", System.getProperty("payara.microJar"), "--deploy",
                System.getProperty("altllm.war", "target/altllm.war"), "--contextroot", "/", "--port",
                Integer.toString(port), "--name", name, "--disablephonehome"));
        command.addAll(microOptions);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        MicroInstance instance;
        try {
            instance = new MicroInstance(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            instance.awaitHealthy(timeout);
            return instance;
        } catch (RuntimeException | Error e) {
            // Nobody else holds the instance yet: stop it here, or a failed start leaks a server. The dump and the stop
            // wait for processes, so a test timeout's interrupt is set aside until they are done.
            boolean interrupted = Thread.interrupted();
            instance.dumpThreads();
            instance.close();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Payara Micro exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = CLIENT.send(HttpRequest.newBuilder(URI.create(url() + "health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + health.statusCode() + " " + health.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + url() + "health (last: " + last + ")", e);
            }
            sleep(500);
        }
        throw new AssertionError("Payara Micro did not become healthy within " + timeout + " (last: " + last
                + "); see " + log + " and " + threadDump());
    }

    /**
     * Writes a thread dump beside the log, so a start that hangs says where. Not into the log itself: the server
     * writes there at its own offset and would overwrite the dump as it stops.
     */
    private void dumpThreads() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!process.isAlive() || !Files.isExecutable(jcmd)) {
            return;
        }
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(threadDump().toFile()).start();
            dump.waitFor(20, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // best effort: the failure itself is reported by the caller
        }
    }

    private Path threadDump() {
        return log.resolveSibling(log.getFileName().toString().replaceFirst("\\.log$", "") + "-threads.txt");
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    public URL base() {
        try {
            return URI.create(url()).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Kills the process with SIGKILL, as {@code kill -9} does: no shutdown hook runs, nothing is flushed. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the process (its shutdown hooks write pending rows), then kills it if it lingers. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
