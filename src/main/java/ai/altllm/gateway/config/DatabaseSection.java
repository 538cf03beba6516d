package ai.altllm.gateway.config;

import java.util.Set;

/** Reads the optional {@code database} section with the same field-exact errors as the rest of the file. */
final class DatabaseSection {

    private static final Set<String> FIELDS = Set.of("url", "user", "password");

    private DatabaseSection() {
    }

    /** Returns {@code null} when the section is absent: the embedded database is used. */
    static DatabaseConfig read(Fields root) {
        if (!root.has("database")) {
            return null;
        }
        Fields db = root.object("database");
        db.onlyKnown(FIELDS);
        String url = db.requiredString("url");
        if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw db.error("url", "must be a jdbc:postgresql: or jdbc:h2: URL (the drivers the gateway ships)");
        }
        Secret password = db.secret("password");
        password.missingVariable().ifPresent(variable -> {
            throw db.error("password", "environment variable " + variable + " is not set");
        });
        return new DatabaseConfig(url, db.string("user", ""), password);
    }
}
