/** The one OpenAI error envelope, and the exception that carries a status and an envelope to the client. */
package ai.altllm.gateway.errors;
