/**
 * The structured access log: one JSON line per request on the logger {@code altllm.access}, with the caller's key
 * id (never the key), tokens, cost and timings; prompt and completion text only for accounts an operator names.
 */
package ai.altllm.gateway.accesslog;
