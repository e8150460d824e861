package dev.drydock.shared.migration;

import dev.drydock.shared.BadInputException;
import dev.drydock.shared.sql.LineMap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A migration file on disk. Nothing is read until something needs it, then the bytes are read once, the
 * checksum taken once and the text decoded once: a run without migrations.sum hashes nothing, and a
 * pre-commit run decodes just the files it was given.
 */
public final class SourceFile {

    private final Path path;
    private final String displayPath;
    private byte[] bytes;
    private String checksum;
    private String text;
    private LineMap lines;

    private SourceFile(Path path, String displayPath, byte[] bytes) {
        this.path = path;
        this.displayPath = displayPath;
        this.bytes = bytes;
    }

    /** The file at {@code path}; {@code displayPath} is how reports name it (relative to where the user ran). */
    public static SourceFile read(Path path, String displayPath) {
        return new SourceFile(path, displayPath, null);
    }

    private synchronized byte[] bytes() {
        if (bytes == null) {
            try {
                bytes = Files.readAllBytes(path);
            } catch (IOException e) {
                throw new BadInputException(displayPath + ": cannot read the file (" + describe(e)
                        + "); check that it exists and that this user may read it");
            }
        }
        return bytes;
    }

    public static SourceFile ofText(Path path, String displayPath, String text) {
        return new SourceFile(path, displayPath, text.getBytes(StandardCharsets.UTF_8));
    }

    public Path path() {
        return path;
    }

    public String displayPath() {
        return displayPath;
    }

    public synchronized String checksum() {
        if (checksum == null) {
            checksum = Checksums.ofScriptBytes(bytes());
        }
        return checksum;
    }

    /** A search of the raw bytes for ASCII text, so a file need not be decoded to learn it does not mention it. */
    public boolean mentions(String ascii) {
        byte[] bytes = bytes();
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The text, UTF-8, without a byte order mark; binary or non-UTF-8 content is a {@link BadInputException}. */
    public synchronized String text() {
        if (text == null) {
            text = decode();
        }
        return text;
    }

    public synchronized LineMap lines() {
        if (lines == null) {
            lines = new LineMap(text());
        }
        return lines;
    }

    private String decode() {
        byte[] bytes = bytes();
        int start = Checksums.hasBom(bytes) ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new BadInputException(displayPath + ":" + lineOf(i) + ": binary content (a NUL byte) in a"
                        + " migration file; only SQL text belongs in the migrations folder");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return decoder.decode(input).toString();
        } catch (CharacterCodingException e) {
            int bad = input.position();
            throw new BadInputException(String.format("%s:%d: not valid UTF-8 (byte 0x%02X); save the file as"
                    + " UTF-8, e.g. iconv -f latin1 -t utf-8", displayPath, lineOf(bad), bytes[bad] & 0xFF));
        }
    }

    private int lineOf(int byteOffset) {
        int line = 1;
        for (int i = 0; i < byteOffset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        return switch (type) {
            case "NoSuchFileException" -> "no such file";
            case "AccessDeniedException" -> "permission denied";
            default -> e.getMessage() == null ? type : e.getMessage();
        };
    }

    @Override
    public String toString() {
        return displayPath;
    }
}
