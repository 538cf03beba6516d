/**
 * Per-key rate limits (requests and tokens per minute, concurrent requests), decided in memory before any upstream
 * call, with the {@code X-RateLimit-*} and OpenAI {@code x-ratelimit-*} headers that describe them.
 */
package ai.altllm.gateway.limits.ratelimit;
