package dev.drydock.backup.verify;

import dev.drydock.backup.dump.MariadbConnection;
import dev.drydock.backup.dump.PostgresConnection;

import java.util.Optional;

/** Where restore verifications create their scratch databases, per engine (SQLite needs none). */
public record ScratchServers(Optional<PostgresConnection> postgres, Optional<MariadbConnection> mariadb) {

    public static ScratchServers none() {
        return new ScratchServers(Optional.empty(), Optional.empty());
    }
}
