package ai.altllm.gateway.testsupport;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies everything the managed Payara Micro prints (its connector echoes each line through {@code System.out})
 * into a file of our own, so a test can read the server log of its run while the server is still up.
 */
public final class ServerLog {

    private static Path file;

    private ServerLog() {
    }

    /** Starts copying, once per test JVM, into the file named by {@code it.server.log}. */
    public static synchronized Path capture() {
        if (file == null) {
            file = Path.of(System.getProperty("it.server.log", "target/it-server.log"));
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                OutputStream copy = new FileOutputStream(file.toFile(), false);
                PrintStream original = System.out;
                System.setOut(new PrintStream(new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        original.write(b);
                        copy.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        original.write(bytes, offset, length);
                        copy.write(bytes, offset, length);
                    }

                    @Override
                    public void flush() throws IOException {
                        original.flush();
                        copy.flush();
                    }
                }, true, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    public static String text() {
        try {
            System.out.flush();
            return Files.readString(capture(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
