/**
 * {@code POST /v1/chat/completions}: validates the OpenAI request, relays it to the model's provider without blocking
 * a thread, runs the gateway's built-in tools between model rounds when the model calls them, streams or returns the
 * answer under the public model id, and publishes what each request used.
 */
package ai.altllm.gateway.chat;
