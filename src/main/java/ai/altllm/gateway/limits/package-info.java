/**
 * Governs what a caller may spend: {@code admission} lets a request start or refuses it before any upstream call,
 * {@code ratelimit} counts requests, tokens and concurrency per key, {@code credits} holds and settles money in the
 * ledger, and {@code cluster} shares that state between instances.
 */
package ai.altllm.gateway.limits;
