/** BytePlus / Volcengine Ark content-generation tasks: {@code POST /contents/generations/tasks} and {@code GET .../{id}}. */
package ai.altllm.gateway.upstream.ark;
