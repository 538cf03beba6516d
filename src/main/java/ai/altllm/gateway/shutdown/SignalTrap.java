package ai.altllm.gateway.shutdown;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Replaces the JVM's own handling of a signal (which starts JVM shutdown at once) with an action of ours, and puts
 * the previous handler back on request. Uses HotSpot's {@code sun.misc.Signal} (module jdk.unsupported) by
 * reflection: it is not a Jakarta EE API, so where it is missing the trap reports {@code false} and nothing changes.
 */
final class SignalTrap {

    private final Object signal;
    private final Object previous;
    private final Method handle;

    private SignalTrap(Object signal, Object previous, Method handle) {
        this.signal = signal;
        this.previous = previous;
        this.handle = handle;
    }

    /**
     * Installs the action for the signal (e.g. {@code "TERM"}); {@code null} when this JVM cannot, or when the signal
     * was ignored when the process started.
     */
    static SignalTrap install(String name, Runnable action) {
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object signal = signalType.getConstructor(String.class).newInstance(name);
            Object handler = Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            action.run();
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "SignalTrap[" + name + "]";
                    });
            Method handle = signalType.getMethod("handle", signalType, handlerType);
            Object previous = handle.invoke(null, signal, handler);
            if (previous == handlerType.getField("SIG_IGN").get(null)) {
                // Ignored since the JVM started (nohup does this to HUP): HotSpot keeps it ignored, nothing is trapped.
                handle.invoke(null, signal, previous);
                return null;
            }
            return new SignalTrap(signal, previous, handle);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** Gives the signal back to whoever handled it before. */
    void release() {
        try {
            handle.invoke(null, signal, previous);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // The JVM is going down anyway, or never let us in.
        }
    }
}
