/** The OpenAI-compatible chat protocol: {@code POST {base_url}/chat/completions} with a bearer key. */
package ai.altllm.gateway.upstream.openai;
