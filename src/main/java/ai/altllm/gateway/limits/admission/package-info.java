/**
 * Decides whether a request may start, before any upstream call: its API key, then its key's rate limits, then its
 * credits; refuses with 401, 429 or 402, and puts the rate-limit headers on every authenticated response.
 */
package ai.altllm.gateway.limits.admission;
