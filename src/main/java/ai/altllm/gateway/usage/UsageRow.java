package ai.altllm.gateway.usage;

import java.time.Instant;

/** One stored usage record: the event and when the gateway recorded it. */
record UsageRow(UsageEvent event, Instant at) {
}
