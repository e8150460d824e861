package dev.drydock.validator.report;

/**
 * File names and identifiers come from the migrations, so they may hold control characters: an escape sequence
 * that repaints a terminal, a newline that forges a report line, a character XML 1.0 cannot carry at all. The text,
 * GitHub and JUnit reporters show each as {@code \}{@code uXXXX}; JSON and SARIF escape them by themselves.
 */
final class ControlCharacters {

    private ControlCharacters() {
    }

    /** {@code text} with every control character (and every character XML 1.0 forbids) written as a visible escape. */
    static String visible(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hidden = Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF'
                    || Character.isSurrogate(c) && !pairedSurrogate(text, i);
            if (hidden && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (hidden) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean pairedSurrogate(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
