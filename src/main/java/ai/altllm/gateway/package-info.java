/**
 * AltLLM Gateway, a self-hosted OpenAI-compatible LLM gateway for Jakarta EE 10 servers: this root package assembles
 * the feature packages into the JAX-RS application, starts it, and describes it at {@code /v1/provider}; no other
 * package depends on it.
 */
package ai.altllm.gateway;
