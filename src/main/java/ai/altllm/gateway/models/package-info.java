/** The public catalog: models with their metadata and prices, and what this gateway offers as a provider. */
package ai.altllm.gateway.models;
