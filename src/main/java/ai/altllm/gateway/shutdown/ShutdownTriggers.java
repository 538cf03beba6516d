package ai.altllm.gateway.shutdown;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Starts the {@link Drain} from whatever stops the gateway first.
 * <ul>
 * <li>SIGTERM, when the system property {@value #TRAP_SIGTERM} is true (the standalone jar sets it): the drain runs
 * while the server is still fully up, then the JVM exits with status 143 as it would have at once. Without the trap,
 * Payara Micro's own shutdown hook stops the web application immediately, cutting every stream.</li>
 * <li>A JVM shutdown hook: turns readiness down and refuses new requests as early as possible on other servers.</li>
 * <li>The undeploy ({@code @BeforeDestroyed}): by then the server has stopped serving the application, so this
 * mostly guarantees the shutdown steps (record flushes) run before the database pool closes.</li>
 * </ul>
 */
@ApplicationScoped
public class ShutdownTriggers {

    static final String TRAP_SIGTERM = "altllm.shutdown.trapSigterm";
    private static final Logger LOG = System.getLogger(ShutdownTriggers.class.getName());
    /** What the JVM exits with on SIGTERM by default: 128 + 15. */
    private static final int SIGTERM_STATUS = 143;

    @Inject
    Drain drain;

    private Thread hook;
    private SignalTrap trap;
    /** The application's class loader: the signal arrives on a JVM thread that the container knows nothing of. */
    private ClassLoader application;

    /** After the database opened: preparing the drain creates the shutdown steps, and a step may read it at start. */
    void install(@Observes @Priority(Interceptor.Priority.APPLICATION + 900)
                  @Initialized(ApplicationScoped.class) Object event) {
        drain.prepare();
        application = Thread.currentThread().getContextClassLoader();
        hook = new Thread(drain::run, "altllm-drain");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException | SecurityException e) {
            hook = null;
        }
        if (Boolean.getBoolean(TRAP_SIGTERM)) {
            trap = SignalTrap.install("TERM", this::sigterm);
            if (trap == null) {
                LOG.log(Level.WARNING, "Cannot handle SIGTERM on this JVM: shutdown will not wait for streams");
            }
        }
    }

    private void sigterm() {
        // Before touching any bean: the container finds this application's beans through the context class loader.
        Thread.currentThread().setContextClassLoader(application);
        if (!drain.hasStarted()) {
            drain.run();
        }
        // A second SIGTERM during the drain also lands here, and exits at once.
        Runtime.getRuntime().exit(SIGTERM_STATUS);
    }

    /** The earliest observer of the undeploy: nothing else is destroyed until the drain has finished. */
    void undeploying(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE)
                      @BeforeDestroyed(ApplicationScoped.class) Object event) {
        drain.run();
    }

    /** On a plain undeploy the JVM lives on: neither the hook nor the trap may keep this application's classes. */
    @PreDestroy
    void uninstall() {
        if (trap != null) {
            trap.release();
        }
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down; the hook has run or is running.
            }
        }
    }
}
