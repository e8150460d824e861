package dev.drydock.backup.cli;

import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Verification;
import dev.drydock.backup.verify.ChecksumVerifier;
import dev.drydock.backup.verify.RestoreVerifier;
import dev.drydock.shared.BadInputException;

import java.io.IOException;
import java.time.Clock;

/** Picks the verifier for a {@code --level}, set up from the config. */
record Verifiers(BackupSetup setup, Clock clock) {

    void requireLevel(String level) {
        if (!level.equals(ChecksumVerifier.LEVEL) && !level.equals(RestoreVerifier.LEVEL)) {
            throw new BadInputException("--level/--verify " + level + ": use checksum or restore");
        }
    }

    Verification verify(BackupId id, String level) throws IOException {
        if (level.equals(ChecksumVerifier.LEVEL)) {
            return new ChecksumVerifier(setup.store(), clock).verify(id);
        }
        return new RestoreVerifier(setup.store(), clock, setup.scratchServer(id.environment())).verify(id);
    }
}
