package ai.altllm.gateway.shutdown;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SignalTrapTest {

    /** Raises a real signal in this JVM: HUP, which (like TERM) would otherwise start JVM shutdown. */
    @Test
    void theTrappedSignalRunsTheActionInsteadOfShuttingDown() throws Exception {
        CountDownLatch caught = new CountDownLatch(1);
        SignalTrap trap = SignalTrap.install("HUP", caught::countDown);
        assertNotNull(trap, "this JVM has sun.misc.Signal");
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            signalType.getMethod("raise", signalType).invoke(null, signalType.getConstructor(String.class)
                    .newInstance("HUP"));
            assertTrue(caught.await(10, TimeUnit.SECONDS), "the action ran");
        } finally {
            trap.release();
        }
    }
}
