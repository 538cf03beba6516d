package ai.altllm.gateway.limits.credits;

import ai.altllm.gateway.db.Database;
import ai.altllm.gateway.limits.cluster.SharedState;
import ai.altllm.gateway.testsupport.TestConfigs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/** A started {@link Credits} (credits on, every account prepaid) on a test database, outside any container. */
final class TestCredits {

    private TestCredits() {
    }

    /**
     * @param journal the data directory of an embedded database (reservations journaled), or empty for a configured
     *     one (each reservation's row committed, waiting at most 300 ms)
     */
    static Credits start(DataSource source, Optional<Path> journal, BalanceStore balances, int capacity) {
        Credits credits = new Credits();
        credits.configuration = TestConfigs.of("{\"providers\": {}, \"models\": [], "
                + "\"credits\": {\"enabled\": true, \"default_budget\": \"prepaid\"}}");
        credits.database = new Database() {
            @Override
            public DataSource dataSource() {
                return source;
            }

            @Override
            public Optional<Path> embeddedDirectory() {
                return journal;
            }
        };
        credits.shared = new SharedState() {
            @Override
            public BalanceStore balances() {
                return balances;
            }
        };
        credits.start(capacity, Duration.ofMillis(300));
        return credits;
    }
}
