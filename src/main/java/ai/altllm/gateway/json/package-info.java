/** The one JSON-P provider every package reads and writes JSON with. */
package ai.altllm.gateway.json;
