/** OpenRouter's asynchronous video API: {@code POST /videos}, {@code GET /videos/{id}}, {@code GET /videos/{id}/content}. */
package ai.altllm.gateway.upstream.openrouter;
