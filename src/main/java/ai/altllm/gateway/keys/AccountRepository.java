package ai.altllm.gateway.keys;

import ai.altllm.gateway.db.Database;
import ai.altllm.gateway.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Accounts in the database. */
@ApplicationScoped
public class AccountRepository {

    private static final String COLUMNS = "id, name, kind, created_at";

    private DataSource dataSource;

    protected AccountRepository() {
    }

    @Inject
    public AccountRepository(Database database) {
        this(database.dataSource());
    }

    public AccountRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(Account account) {
        Jdbc.update(dataSource, "INSERT INTO accounts (" + COLUMNS + ") VALUES (?, ?, ?, ?)", s -> {
            s.setString(1, account.id());
            s.setString(2, account.name());
            s.setString(3, account.kind());
            s.setObject(4, Jdbc.toSql(account.createdAt()));
        });
    }

    public List<Account> list() {
        return Jdbc.query(dataSource, "SELECT " + COLUMNS + " FROM accounts ORDER BY created_at, id", s -> {},
                AccountRepository::account);
    }

    /** Finds an account by its id or, failing that, by its unique name. */
    public Optional<Account> find(String idOrName) {
        return Jdbc.query(dataSource, "SELECT " + COLUMNS + " FROM accounts WHERE id = ? OR name = ? ORDER BY "
                + "CASE WHEN id = ? THEN 0 ELSE 1 END", s -> {
                    s.setString(1, idOrName);
                    s.setString(2, idOrName);
                    s.setString(3, idOrName);
                }, AccountRepository::account).stream().findFirst();
    }

    public void setPasswordHash(String accountId, String hash) {
        Jdbc.update(dataSource, "UPDATE accounts SET password_hash = ? WHERE id = ?", s -> {
            s.setString(1, hash);
            s.setString(2, accountId);
        });
    }

    /** The stored password hash of an account, by id; empty when it has none or does not exist. */
    public Optional<String> passwordHash(String accountId) {
        return Jdbc.query(dataSource, "SELECT password_hash FROM accounts WHERE id = ?", s -> s.setString(1, accountId),
                row -> row.getString(1)).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    private static Account account(ResultSet row) throws SQLException {
        return new Account(row.getString("id"), row.getString("name"), row.getString("kind"),
                Jdbc.instant(row, "created_at"));
    }
}
