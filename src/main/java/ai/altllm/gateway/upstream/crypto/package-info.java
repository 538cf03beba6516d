/**
 * Calls to a CoinGecko-compatible market-data API for the built-in crypto tools: non-blocking, briefly cached and
 * rate-limited so that many chats asking the same price cost the source one call.
 */
package ai.altllm.gateway.upstream.crypto;
