/** AltLLM Gateway: a self-hosted, OpenAI-compatible LLM gateway for Jakarta EE 10 servers. */
package ai.altllm.gateway;
