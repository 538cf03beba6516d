package ai.altllm.gateway.db;

import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * An append-only file of numbered lines that makes a record durable before its database row is written: a line is in
 * the operating system's file cache when {@link #append} returns, so it survives the process being killed (not a power
 * loss, like the embedded database itself). Rows are written later in batches; each batch's transaction also stores
 * {@link #markFor how far} the journal is written, and after a crash the lines past that mark are written again.
 *
 * <p>Segment files ({@code <name>-<first number>.log}) are started every {@value #SEGMENT_BYTES} bytes and deleted
 * once every line in them is written or {@link #cancel cancelled}. A line ends with its CRC-32, so a line torn by a
 * crash (or a full disk) is recognised and skipped: its caller never got an answer.
 */
public final class Journal implements Closeable {

    private static final Logger LOG = System.getLogger(Journal.class.getName());
    static final long SEGMENT_BYTES = 4L << 20;
    private static final char ADDED = 'A';
    private static final char CANCELLED = 'X';

    /** One line read back at start: written by {@link #append} and not (known to be) in the database. */
    public record Entry(long number, String text) {
    }

    /** A segment no longer appended to, and the number of its last line. */
    private record Closed(long last, Path file) {
    }

    private final Path directory;
    private final String name;
    private final long segmentBytes;
    private final List<Entry> recovered;
    /** Closed segments, oldest first. */
    private final ArrayDeque<Closed> closed = new ArrayDeque<>();
    private final TreeSet<Long> unwritten = new TreeSet<>();
    private List<Path> old;
    private FileChannel active;
    private Path activePath;
    private long activeSize;
    private long last;

    private Journal(Path directory, String name, long segmentBytes, List<Entry> recovered, List<Path> old, long last) {
        this.directory = directory;
        this.name = name;
        this.segmentBytes = segmentBytes;
        this.recovered = recovered;
        this.old = old;
        this.last = last;
    }

    /**
     * Reads the journal's segments in {@code directory}; call {@link #resume} once {@link #recovered} is written.
     *
     * @param writtenThrough the mark the database holds: lines numbered up to it are written already
     */
    public static Journal open(Path directory, String name, long writtenThrough) throws IOException {
        return open(directory, name, writtenThrough, SEGMENT_BYTES);
    }

    static Journal open(Path directory, String name, long writtenThrough, long segmentBytes) throws IOException {
        Files.createDirectories(directory);
        List<Path> segments;
        try (Stream<Path> files = Files.list(directory)) {
            segments = files.filter(f -> JournalLines.segmentNumber(f, name) >= 0)
                    .sorted(Comparator.comparingLong(f -> JournalLines.segmentNumber(f, name))).toList();
        }
        TreeMap<Long, String> added = new TreeMap<>();
        long last = writtenThrough;
        for (Path segment : segments) {
            for (String line : JournalLines.complete(Files.readAllBytes(segment))) {
                String[] parts = JournalLines.check(line);
                if (parts == null) {
                    LOG.log(Level.WARNING, "Skipping a damaged line of {0} (torn by a crash or a full disk)", segment);
                    continue;
                }
                long number = Long.parseLong(parts[0]);
                last = Math.max(last, number);
                if (number > writtenThrough && parts[1].charAt(0) == ADDED) {
                    added.put(number, parts[2]);
                } else if (parts[1].charAt(0) == CANCELLED) {
                    added.remove(number);
                }
            }
        }
        List<Entry> recovered = new ArrayList<>();
        added.forEach((number, text) -> recovered.add(new Entry(number, text)));
        return new Journal(directory, name, segmentBytes, List.copyOf(recovered), segments, last);
    }

    /** The lines to write again, oldest first; numbered up to {@link #lastNumber()}. */
    public List<Entry> recovered() {
        return recovered;
    }

    /** The highest number used so far: after writing {@link #recovered}, the mark to store. */
    public synchronized long lastNumber() {
        return last;
    }

    /** Deletes the segments read at open (their lines are written now) and starts a new one. */
    public synchronized void resume() throws IOException {
        for (Path segment : old) {
            Files.deleteIfExists(segment);
        }
        old = List.of();
        startSegment();
    }

    /**
     * Appends a line (no line breaks in {@code text}) and returns its number; it stays unwritten until a batch that
     * holds it calls {@link #written}, or it is {@link #cancel cancelled}.
     */
    public synchronized long append(String text) throws IOException {
        if (activeSize >= segmentBytes) {
            closed.add(new Closed(last, activePath));
            active.close();
            startSegment();
        }
        long number = last + 1;
        write(JournalLines.line(number, ADDED, text));
        last = number;
        unwritten.add(number);
        return number;
    }

    /** The line's row will never be written (its work was refused): after a crash it is not written either. */
    public synchronized void cancel(long number) throws IOException {
        unwritten.remove(number);
        write(JournalLines.line(number, CANCELLED, ""));
    }

    /**
     * The mark to store with a batch holding the lines {@code numbers}: every line up to it is written once the batch
     * is, even where other lines were appended before these but are not in the database yet.
     */
    public synchronized long markFor(long[] numbers) {
        long[] batch = numbers.clone();
        Arrays.sort(batch);
        for (Iterator<Long> it = unwritten.iterator(); it.hasNext();) {
            long number = it.next();
            if (Arrays.binarySearch(batch, number) < 0) {
                return number - 1;
            }
        }
        return last;
    }

    /** The batch holding {@code numbers} is committed with {@code mark}: segments wholly below it go. */
    public synchronized void written(long[] numbers, long mark) {
        for (long number : numbers) {
            unwritten.remove(number);
        }
        while (!closed.isEmpty() && closed.peekFirst().last() <= mark) {
            Path segment = closed.pollFirst().file();
            try {
                Files.deleteIfExists(segment);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not delete {0}: {1}", segment, e.getMessage());
            }
        }
    }

    private void startSegment() throws IOException {
        activePath = directory.resolve(JournalLines.segmentName(name, last + 1));
        active = FileChannel.open(activePath, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        activeSize = active.size();
    }

    private void write(String line) throws IOException {
        if (active == null) {
            throw new IOException("the journal " + name + " is closed");
        }
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                active.write(bytes);
            }
            activeSize += bytes.limit();
        } catch (IOException e) {
            // A torn line followed by a good one would hide the good one: cut the file back to its last whole line,
            // or, if even that fails, take no more lines.
            try {
                active.truncate(activeSize);
            } catch (IOException | RuntimeException again) {
                active.close();
                active = null;
            }
            throw e;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (active != null) {
            active.close();
            active = null;
        }
    }
}
