package ai.altllm.gateway.upstream;

/** A running upstream exchange that can be abandoned, which closes its connection so the provider stops too. */
@FunctionalInterface
public interface Exchange {

    /** Cancels the exchange; the listener hears nothing more afterwards. Safe to call repeatedly. */
    void cancel();

    /**
     * Reading from the upstream stops while the listener is not {@link UpstreamListener#ready() ready}; this resumes
     * it once the listener can take more. Safe to call at any time and repeatedly.
     */
    default void resume() {
    }
}
