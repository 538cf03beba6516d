package ai.altllm.gateway.limits.credits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.altllm.gateway.testsupport.MapEntry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BalanceStoresTest {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    @Test
    void localBalancesNeverGoBelowZeroUnderConcurrency() throws Exception {
        LocalBalances store = new LocalBalances();
        assertEquals(BalanceStore.Take.NOT_SEEDED, store.take("a", CENT));
        store.seed("a", BigDecimal.ONE);
        store.seed("a", BigDecimal.TEN); // a held balance is never replaced by a later seed
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<BalanceStore.Take>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(() -> store.take("a", CENT));
            }
            int taken = 0;
            for (Future<BalanceStore.Take> f : pool.invokeAll(calls)) {
                taken += f.get() == BalanceStore.Take.TAKEN ? 1 : 0;
            }
            assertEquals(100, taken);
            assertEquals(0, store.balance("a").orElseThrow().signum());
        } finally {
            pool.shutdownNow();
        }
        store.add("a", CENT);
        assertEquals(BalanceStore.Take.TAKEN, store.take("a", CENT));
        store.add("unseeded", CENT);
        assertEquals(BalanceStore.Take.NOT_SEEDED, store.take("unseeded", CENT), "add never creates a balance");
    }

    @Test
    void theClusterProcessorDoesTheSameOnACacheEntry() {
        MapEntry<String, BigDecimal> entry = new MapEntry<>("a");
        assertEquals(BalanceStore.Take.NOT_SEEDED.ordinal(), new BalanceProcessor(BalanceProcessor.TAKE, CENT)
                .process(entry));
        new BalanceProcessor(BalanceProcessor.SEED, new BigDecimal("0.02")).process(entry);
        new BalanceProcessor(BalanceProcessor.SEED, BigDecimal.TEN).process(entry);
        assertEquals(0, new BigDecimal("0.02").compareTo(entry.getValue()));
        BalanceProcessor take = new BalanceProcessor(BalanceProcessor.TAKE, CENT);
        assertEquals(BalanceStore.Take.TAKEN.ordinal(), take.process(entry));
        assertEquals(BalanceStore.Take.TAKEN.ordinal(), take.process(entry));
        assertEquals(BalanceStore.Take.REFUSED.ordinal(), take.process(entry));
        new BalanceProcessor(BalanceProcessor.ADD, new BigDecimal("0.005")).process(entry);
        assertEquals(0, new BigDecimal("0.005").compareTo(entry.getValue()));
    }

    @Test
    void amountsForPeopleHaveNoExponent() {
        assertEquals("10.0", Credits.plain(new BigDecimal("10.0000000000")));
        assertEquals("0.42", Credits.plain(new BigDecimal("0.4200000000")));
        assertEquals("100.0", Credits.plain(new BigDecimal("1E+2")));
    }
}
