package dev.drydock.shared.sql;

import java.util.Arrays;

/** Turns character offsets of a text into 1-based line and column numbers; CRLF counts as one line break. */
public final class LineMap {

    private final int[] lineStarts;

    public LineMap(CharSequence text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    public SourcePosition position(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        int line = index >= 0 ? index : -index - 2;
        return new SourcePosition(line + 1, offset - lineStarts[line] + 1);
    }

    /** The offset of a 1-based line and column; positions past the end clamp to the end of the text. */
    public int offset(int line, int column) {
        int index = Math.max(0, Math.min(line - 1, lineStarts.length - 1));
        return lineStarts[index] + Math.max(0, column - 1);
    }
}
