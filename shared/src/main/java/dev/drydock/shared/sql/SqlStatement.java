package dev.drydock.shared.sql;

import java.util.List;

/**
 * One statement of a script: its text without the terminating delimiter, where it stands in the original
 * file, and its tokens without comments (offsets into the whole text, as the splitter read them, so nobody
 * lexes the statement twice). {@code end} is the position just after the last character (exclusive, as in SARIF).
 */
public record SqlStatement(int index, String text, int startOffset, int endOffset,
                           SourcePosition start, SourcePosition end, List<SqlToken> tokens) {
}
