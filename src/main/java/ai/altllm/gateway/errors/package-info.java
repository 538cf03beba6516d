/** The one OpenAI error envelope, and the mapper that turns every exception into it. */
package ai.altllm.gateway.errors;
