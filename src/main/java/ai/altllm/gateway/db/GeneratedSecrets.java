package ai.altllm.gateway.db;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;

/** A random secret made once per database and read back ever after: the same on restart and on every instance. */
public final class GeneratedSecrets {

    private final DataSource dataSource;
    private final SecureRandom random = new SecureRandom();

    public GeneratedSecrets(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The 32-byte secret named {@code name}, created now if the database has none yet. */
    public byte[] get(String name) {
        List<String> stored = read(name);
        if (stored.isEmpty()) {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            try {
                Jdbc.update(dataSource, "INSERT INTO generated_secrets (name, secret, created_at) VALUES (?, ?, ?)",
                        s -> {
                            s.setString(1, name);
                            s.setString(2, Base64.getEncoder().encodeToString(fresh));
                            s.setObject(3, Jdbc.toSql(Instant.now()));
                        });
            } catch (StorageException e) {
                // Another instance stored its own first (primary key): everyone uses that one, read below.
            }
            stored = read(name);
        }
        return Base64.getDecoder().decode(stored.get(0));
    }

    private List<String> read(String name) {
        return Jdbc.query(dataSource, "SELECT secret FROM generated_secrets WHERE name = ?", s -> s.setString(1, name),
                row -> row.getString(1));
    }
}
