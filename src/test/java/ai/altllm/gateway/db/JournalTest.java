package ai.altllm.gateway.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path directory;

    private Journal fresh(long mark) throws IOException {
        Journal journal = Journal.open(directory, "j", mark, 200);
        journal.resume();
        return journal;
    }

    private static List<String> texts(Journal journal) {
        return journal.recovered().stream().map(Journal.Entry::text).toList();
    }

    @Test
    void afterACrashTheLinesPastTheStoredMarkComeBackButNotCancelledOnes() throws IOException {
        Journal journal = fresh(0);
        long a = journal.append("a 1");
        long b = journal.append("b 2");
        long c = journal.append("c 3");
        journal.append("d 4");
        journal.cancel(b);
        long mark = journal.markFor(new long[] {a});
        assertEquals(c - 1, mark, "a written, b cancelled, c not yet");
        journal.written(new long[] {a}, mark);
        journal.close(); // the process dies here; what the database holds is the mark

        Journal reopened = Journal.open(directory, "j", mark);
        assertEquals(List.of("c 3", "d 4"), texts(reopened));
        assertEquals(4, reopened.lastNumber());
    }

    @Test
    void aBatchWrittenOutOfOrderMovesTheMarkOnlyPastLinesAllWritten() throws IOException {
        Journal journal = fresh(0);
        long first = journal.append("1");
        long second = journal.append("2");
        long third = journal.append("3");
        assertEquals(first - 1, journal.markFor(new long[] {third, second}), "the first line is not written yet");
        journal.written(new long[] {second, third}, first - 1);
        assertEquals(third, journal.markFor(new long[] {first}));
    }

    @Test
    void numbersGoOnFromTheMarkAcrossRestartsAndReplayedSegmentsAreDeleted() throws IOException {
        Journal journal = fresh(41);
        assertEquals(42, journal.append("x"));
        journal.close();
        Journal reopened = Journal.open(directory, "j", 41);
        assertEquals(List.of("x"), texts(reopened));
        reopened.resume();
        assertEquals(43, reopened.append("y"));
        reopened.close();
        assertEquals(List.of("y"), texts(Journal.open(directory, "j", 42)));
    }

    @Test
    void aTornOrDamagedLineIsSkippedAndTheOthersKept() throws IOException {
        Journal journal = fresh(0);
        journal.append("kept 1");
        journal.append("damaged");
        journal.append("kept 2");
        journal.close();
        Path segment = segments().get(0);
        String file = Files.readString(segment).replace("damaged", "damageD");
        Files.writeString(segment, file + "4 A torn wi");
        assertEquals(List.of("kept 1", "kept 2"), texts(Journal.open(directory, "j", 0)));
    }

    @Test
    void segmentsRollOverAndGoOnceEveryLineInThemIsWritten() throws IOException {
        Journal journal = fresh(0);
        long[] numbers = new long[30];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = journal.append("line-" + i + "-" + "x".repeat(20));
        }
        assertTrue(segments().size() > 2, "200-byte segments: " + segments());
        long[] firstHalf = java.util.Arrays.copyOf(numbers, 15);
        journal.written(firstHalf, journal.markFor(firstHalf));
        int afterHalf = segments().size();
        journal.written(numbers, journal.markFor(numbers));
        assertEquals(1, segments().size(), "only the segment being appended to is left");
        assertTrue(afterHalf > 1, "the segment being written to stays");
        journal.close();
        assertEquals(List.of(), texts(Journal.open(directory, "j", numbers[29])));
    }

    @Test
    void otherFilesInTheDirectoryAreLeftAlone() throws IOException {
        Files.writeString(directory.resolve("altllm.mv.db"), "not ours", StandardOpenOption.CREATE);
        Files.writeString(directory.resolve("j-notanumber.log"), "not ours either");
        fresh(0).append("a");
        assertTrue(Files.exists(directory.resolve("altllm.mv.db")));
        assertEquals(List.of("a"), texts(Journal.open(directory, "j", 0)));
        assertEquals("not ours either", Files.readString(directory.resolve("j-notanumber.log"),
                StandardCharsets.UTF_8));
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> JournalLines.segmentNumber(f, "j") >= 0).sorted().toList();
        }
    }
}
