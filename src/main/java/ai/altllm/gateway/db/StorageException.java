package ai.altllm.gateway.db;

import java.sql.SQLException;

/** A database failure; clients see a 500 with a request id, operators the SQL state in the log. */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageException(SQLException cause) {
        super("database error (SQL state " + cause.getSQLState() + "): " + cause.getMessage(), cause);
    }

    /** A unique or foreign key was violated (SQL state class 23), e.g. a name that is already taken. */
    public boolean isConstraintViolation() {
        return getCause() instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith("23");
    }
}
