/** The public catalog: models with their metadata and prices. */
package ai.altllm.gateway.models;
