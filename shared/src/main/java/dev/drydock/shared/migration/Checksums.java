package dev.drydock.shared.migration;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of migration scripts. The hash is taken over the text with a UTF-8 byte order mark dropped
 * and CRLF read as LF, so a checkout with {@code core.autocrlf} does not look like an edited history.
 */
public final class Checksums {

    private Checksums() {
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The checksum of a script file's bytes, normalized as the class comment says. */
    public static String ofScriptBytes(byte[] bytes) {
        int start = hasBom(bytes) ? 3 : 0;
        ByteArrayOutputStream normalized = new ByteArrayOutputStream(bytes.length);
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                continue;
            }
            normalized.write(bytes[i]);
        }
        return sha256(normalized.toByteArray());
    }

    /** The checksum of part of a decoded script (a dbmate section), normalized the same way. */
    public static String ofScriptText(String text) {
        return sha256(text.replace("\r\n", "\n"));
    }

    static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime ships SHA-256", e);
        }
    }
}
