/**
 * Credits: exact-decimal balances per account and spending caps per key, an append-only ledger (balance = sum of the
 * ledger), the reserve-then-settle API that chat and video use so that no balance is ever overshot, and the caller's
 * own view of them ({@code /v1/credits}, {@code /v1/key}).
 */
package ai.altllm.gateway.limits.credits;
