/** The built-in crypto market-data tools: prices, 24h market data and asset search from the configured source. */
package ai.altllm.gateway.tools.crypto;
