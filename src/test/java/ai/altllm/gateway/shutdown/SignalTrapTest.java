package ai.altllm.gateway.shutdown;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SignalTrapTest {

    /**
     * Raises a real TERM in this JVM, the signal the gateway traps, which would otherwise start JVM shutdown. Not HUP:
     * a test run started under nohup inherits HUP ignored, and the JVM then never delivers it.
     */
    @Test
    void theTrappedSignalRunsTheActionInsteadOfShuttingDown() throws Exception {
        CountDownLatch caught = new CountDownLatch(1);
        SignalTrap trap = SignalTrap.install("TERM", caught::countDown);
        assertNotNull(trap, "this JVM has sun.misc.Signal");
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            signalType.getMethod("raise", signalType).invoke(null, signalType.getConstructor(String.class)
                    .newInstance("TERM"));
            assertTrue(caught.await(10, TimeUnit.SECONDS), "the action ran");
        } finally {
            trap.release();
        }
    }
}
