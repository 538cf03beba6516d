package ai.altllm.gateway.db;

import ai.altllm.gateway.config.DatabaseConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;

/** Opens the connection pool for a database and brings its schema up to date. */
public final class Pools {

    private Pools() {
    }

    /** Opens a pool; {@code config} may be {@code null} for the embedded database under {@code dataDirectory}. */
    public static HikariDataSource open(DatabaseConfig config, Path dataDirectory) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("altllm");
        if (config == null) {
            hikari.setJdbcUrl(DataDirectory.embeddedUrl(dataDirectory));
            hikari.setDriverClassName("org.h2.Driver");
        } else {
            hikari.setJdbcUrl(config.url());
            hikari.setDriverClassName(config.isPostgres() ? "org.postgresql.Driver" : "org.h2.Driver");
            if (!config.user().isEmpty()) {
                hikari.setUsername(config.user());
            }
            config.password().value().ifPresent(hikari::setPassword);
        }
        hikari.setMaximumPoolSize(10);
        // Fail fast rather than hang a request when the database is down.
        hikari.setConnectionTimeout(5_000);
        hikari.setInitializationFailTimeout(10_000);
        HikariDataSource pool = new HikariDataSource(hikari);
        try {
            migrate(pool);
            return pool;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Applies the scripts in {@code db/migration} that this database has not seen yet. */
    public static void migrate(javax.sql.DataSource dataSource) {
        // The WAR's class loader, not the thread's: the server's may not see WEB-INF/classes. Open Liberty's class
        // loader lists no directories, so Flyway finds db/migration (and db/callback, empty so far) through their
        // empty marker files flyway.location.
        Flyway flyway = Flyway.configure(Pools.class.getClassLoader()).dataSource(dataSource)
                .locations("classpath:db/migration").load();
        flyway.migrate();
        if (flyway.info().applied().length == 0) {
            // A server whose class loader hides the scripts must fail startup, not run on an empty schema.
            throw new IllegalStateException("no schema migrations found on the class path (db/migration)");
        }
    }
}
