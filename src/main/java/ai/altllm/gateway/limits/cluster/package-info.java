/**
 * Where hot limit and credit state lives: in this JVM by default, or in the Payara Micro cluster's Hazelcast through
 * the standard JCache API, so that several instances enforce one limit and one balance.
 */
package ai.altllm.gateway.limits.cluster;
