package dev.drydock.backup.dump;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Lets a compressor finish its frame on close without closing the archive entry beneath it. */
final class KeepOpenStream extends FilterOutputStream {

    KeepOpenStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        out.write(buffer, offset, length);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
