/**
 * Graceful shutdown: on undeploy or SIGTERM new requests are refused with a 503, in-flight requests and streams get
 * a grace period, then the {@link ai.altllm.gateway.shutdown.ShutdownStep}s (usage and ledger flushes) run in order.
 */
package ai.altllm.gateway.shutdown;
