package ai.altllm.gateway.upstream;

/** A running download: resumed after its sink paused it, or abandoned (closing the upstream connection). */
public interface Download extends Exchange {

    void resume();
}
