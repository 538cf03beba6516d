package ai.altllm.gateway.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BatchWriterTest {

    @Test
    void everyRowAddedFromManyThreadsIsWrittenExactlyOnce() throws Exception {
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        BatchWriter<Integer> writer = new BatchWriter<>("test rows", 1_000_000, written::addAll);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            int base = t * 20_000;
            threads.submit(() -> {
                start.await();
                for (int i = 0; i < 20_000; i++) {
                    writer.add(base + i);
                }
                return null;
            });
        }
        start.countDown();
        threads.shutdown();
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));
        writer.stop();
        assertEquals(160_000, written.size());
        assertEquals(160_000, new HashSet<>(written).size());
        assertEquals(0, writer.pendingCount());
    }

    @Test
    void batchesKeepTheOrderOfOneThreadAndHoldAtMost500Rows() {
        List<List<Integer>> batches = new ArrayList<>();
        BatchWriter<Integer> writer = new BatchWriter<>("test rows", 10_000, batch -> batches.add(List.copyOf(batch)));
        for (int i = 0; i < 1_200; i++) {
            writer.add(i);
        }
        writer.flush();
        assertTrue(batches.stream().allMatch(batch -> batch.size() <= 500), "batch sizes " + batches.stream()
                .map(List::size).toList());
        assertEquals(java.util.stream.IntStream.range(0, 1_200).boxed().toList(),
                batches.stream().flatMap(List::stream).toList());
        writer.stop();
    }

    @Test
    void aFullQueueDropsNewRowsInsteadOfGrowing() throws InterruptedException {
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BatchWriter<Integer> writer = new BatchWriter<>("test rows", 100, batch -> {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.addAll(batch);
        });
        writer.add(-1);
        assertTrue(writing.await(5, TimeUnit.SECONDS), "the background flush never started");
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            if (writer.add(i)) {
                accepted.add(i);
            }
        }
        assertEquals(java.util.stream.IntStream.range(0, 100).boxed().toList(), accepted, "add says what it dropped");
        assertEquals(100, writer.pendingCount());
        release.countDown();
        writer.stop();
        assertEquals(java.util.stream.IntStream.range(-1, 100).boxed().toList(), written);
    }

    @Test
    void rowsThatCompleteAdmittedWorkAndFailedBatchesAreKeptBeyondTheBound() {
        AtomicBoolean failing = new AtomicBoolean(true);
        List<Integer> written = new ArrayList<>();
        BatchWriter<Integer> writer = failingWhile(failing, written, 2);
        assertTrue(writer.add(1));
        assertTrue(writer.add(2));
        writer.addAlways(3);
        assertEquals(3, writer.pendingCount());
        assertThrows(IllegalStateException.class, writer::flush);
        assertEquals(3, writer.pendingCount(), "a failed batch goes back whole, though it exceeds the bound");
        assertTrue(!writer.add(4), "the bound still holds for new rows");
        failing.set(false);
        writer.stop();
        assertEquals(Set.of(1, 2, 3), new HashSet<>(written));
    }

    @Test
    void aFailedBatchGoesBackToTheQueueAndIsWrittenLater() {
        AtomicBoolean failing = new AtomicBoolean(true);
        List<Integer> written = new ArrayList<>();
        BatchWriter<Integer> writer = failingWhile(failing, written, 1_000);
        writer.add(1);
        writer.add(2);
        assertThrows(IllegalStateException.class, writer::flush);
        assertEquals(2, writer.pendingCount());
        failing.set(false);
        writer.flush();
        assertEquals(List.of(1, 2), written);
        writer.stop();
    }

    /** A writer whose every batch fails while {@code failing} is set, as during a database outage. */
    private static BatchWriter<Integer> failingWhile(AtomicBoolean failing, List<Integer> written, int capacity) {
        return new BatchWriter<>("test rows", capacity, batch -> {
            if (failing.get()) {
                throw new IllegalStateException("database down");
            }
            written.addAll(batch);
        });
    }
}
