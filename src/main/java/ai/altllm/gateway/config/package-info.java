/** Gateway configuration: finds the one JSON file, checks it field by field and holds the result for the rest of the application. */
package ai.altllm.gateway.config;
