package ai.altllm.gateway.throttle;

import ai.altllm.gateway.config.AuthThrottleConfig;
import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.errors.ApiException;
import ai.altllm.gateway.errors.ErrorKind;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.LongSupplier;

/**
 * Slows guessing of portal passwords and the admin key: per client address, and per account name at an address, so a
 * guesser elsewhere never makes the real user wait. In memory, so each instance of a cluster counts on its own.
 */
@ApplicationScoped
public class AuthThrottle {

    /** Longer names belong to no account (names have at most 200 characters); they share one entry per address. */
    private static final int MAX_NAME = 200;

    @Inject
    Configuration configuration;

    private FailureTracker addresses;
    private FailureTracker accounts;

    @PostConstruct
    void init() {
        configure(configuration.get().authThrottle(), System::nanoTime);
    }

    void configure(AuthThrottleConfig c, LongSupplier clock) {
        long window = c.window().toNanos();
        long first = c.firstDelay().toNanos();
        long max = c.maxDelay().toNanos();
        addresses = new FailureTracker(c.addressFailures(), window, first, max, c.maxTracked(), clock);
        accounts = new FailureTracker(c.accountFailures(), window, first, max, c.maxTracked(), clock);
    }

    /**
     * Begins an attempt from a client address, for an account name or ({@code null}) with the admin key; throws the
     * 429 to send when the address, or the name at this address, must wait first.
     */
    public Attempt begin(String address, String account) {
        long wait = addresses.admit(address);
        if (wait > 0) {
            throw refusal(wait, "Too many failed sign-ins or admin keys from this address");
        }
        String pair = account == null ? null
                : address + ' ' + (account.length() > MAX_NAME ? "\u0000overlong" : account);
        if (pair != null) {
            wait = accounts.admit(pair);
            if (wait > 0) {
                addresses.release(address);
                throw refusal(wait, "Too many failed sign-ins for this account from this address");
            }
        }
        return new Attempt(this, address, pair);
    }

    private static ApiException refusal(long waitNanos, String what) {
        long seconds = Math.max(1, (waitNanos + 999_999_999) / 1_000_000_000);
        return ErrorKind.RATE_LIMITED.error("rate_limit_exceeded", what + "; try again in "
                + seconds + " s.").withHeader("Retry-After", Long.toString(seconds));
    }

    /** One admitted attempt: end it with {@link #failed()} or {@link #succeeded()}; closing it alone counts nothing. */
    public static final class Attempt implements AutoCloseable {

        private final AuthThrottle throttle;
        private final String address;
        private final String pair;
        private boolean ended;

        private Attempt(AuthThrottle throttle, String address, String pair) {
            this.throttle = throttle;
            this.address = address;
            this.pair = pair;
        }

        public void failed() {
            end(true, false);
        }

        /** Forgets the name's failures at this address, not the address's own: one's own account must not wipe them. */
        public void succeeded() {
            end(false, true);
        }

        @Override
        public void close() {
            end(false, false);
        }

        private void end(boolean failed, boolean succeeded) {
            if (ended) {
                return;
            }
            ended = true;
            if (failed) {
                throttle.addresses.failed(address);
            } else {
                throttle.addresses.release(address);
            }
            if (pair == null) {
                return;
            }
            if (failed) {
                throttle.accounts.failed(pair);
            } else if (succeeded) {
                throttle.accounts.succeeded(pair);
            } else {
                throttle.accounts.release(pair);
            }
        }
    }
}
