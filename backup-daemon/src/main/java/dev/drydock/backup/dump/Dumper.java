package dev.drydock.backup.dump;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Takes a consistent logical backup of one database engine. The dump is written into one archive entry (the
 * archive compresses it), and described from the same snapshot, so manifest and dump never disagree.
 */
public sealed interface Dumper permits SqliteDumper, PostgresDumper, MariadbDumper, D1Dumper {

    /** The archive entry the dump goes to, e.g. {@code dump/app.sqlite.zst}. */
    String entryName();

    /** Writes the dump to {@code entry}; {@code workDir} is for temporary files, removed before returning. */
    DumpResult dump(OutputStream entry, Path workDir) throws IOException;
}
