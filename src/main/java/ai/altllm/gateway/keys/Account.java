package ai.altllm.gateway.keys;

import java.time.Instant;

/** A team or a person that owns API keys; {@code kind} is {@code team} or {@code person}. */
public record Account(String id, String name, String kind, Instant createdAt) {

    public static Account create(String name, String kind) {
        return new Account(Ids.create("acct_"), name, kind, Instant.now());
    }
}
