/**
 * Credits: exact-decimal balances per account and spending caps per key, an append-only ledger (balance = sum of the
 * ledger), and the reserve-then-settle API that chat and video use so that no balance is ever overshot.
 */
package ai.altllm.gateway.credits;
