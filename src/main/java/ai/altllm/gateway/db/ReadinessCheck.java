package ai.altllm.gateway.db;

/** Something the gateway needs before it should take traffic, such as its database. */
public interface ReadinessCheck {

    String name();

    /** Returns {@code null} when ready, otherwise a short reason; must answer quickly. */
    String problem();
}
