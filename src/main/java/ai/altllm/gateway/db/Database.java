package ai.altllm.gateway.db;

import ai.altllm.gateway.config.Configuration;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** The gateway's one connection pool, opened and migrated while the application deploys, closed when it stops. */
@ApplicationScoped
public class Database implements ReadinessCheck {

    private static final Logger LOG = System.getLogger(Database.class.getName());

    @Inject
    Configuration configuration;

    private HikariDataSource pool;

    /**
     * Opens the pool at deployment, so a broken database fails startup instead of the first request; after the
     * configuration check, whose message about a broken file should come first.
     */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 600)
                @Initialized(ApplicationScoped.class) Object event) {
        var config = configuration.get().database();
        try {
            pool = Pools.open(config, dataDirectory());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "AltLLM Gateway cannot start: database: " + e.getMessage());
            if (Boolean.getBoolean("altllm.exitOnStartupFailure")) {
                // As for a broken config file: exit from a fresh thread, the deployment thread holds server locks.
                new Thread(() -> System.exit(2), "altllm-exit").start();
            }
            throw e;
        }
        LOG.log(Level.INFO, "AltLLM database ready: {0}", config == null ? "embedded H2 at " + pool.getJdbcUrl()
                : config.isPostgres() ? "PostgreSQL" : "H2 (configured)");
    }

    public DataSource dataSource() {
        if (pool == null) {
            throw new IllegalStateException("the database did not open at startup; see the first error in the log");
        }
        return pool;
    }

    /**
     * The data directory when the database is the embedded one, which lives there: files kept beside it (a journal)
     * are then as lasting as the database. Empty for a configured database, which may outlive this instance's disk.
     */
    public Optional<Path> embeddedDirectory() {
        return configuration.get().database() != null ? Optional.empty() : Optional.of(dataDirectory());
    }

    private static Path dataDirectory() {
        return DataDirectory.resolve(System::getProperty, System::getenv);
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public String problem() {
        if (pool == null) {
            return "database not open";
        }
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(1) ? null : "database connection is not valid";
        } catch (SQLException e) {
            return "database unreachable";
        }
    }

    // Declared without "throws": a @PreDestroy that may throw a checked exception breaks deployment on Payara.
    @PreDestroy
    void close() {
        try {
            if (pool != null) {
                pool.close();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Closing the database pool failed", e);
        }
    }
}
