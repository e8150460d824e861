package dev.drydock.shared.migration;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlSplitter;
import dev.drydock.shared.sql.SqlStatement;

import java.util.List;

/**
 * The SQL of one direction of a migration: a whole file, or one section of it (dbmate keeps up and down
 * in one file). Offsets are into {@link SourceFile#text()}, so positions stay those of the original file.
 *
 * @param endDelimiter where the runner ends a statement when it is not the dialect's own splitting (null): a
 *                     Liquibase changeset's {@code endDelimiter}, or the empty string for {@code splitStatements:false}
 *                     (the whole script is one statement)
 */
public record Script(SourceFile file, Section section, String endDelimiter) {

    public Script(SourceFile file, Section section) {
        this(file, section, null);
    }

    /** A character range of the decoded text; {@link #WHOLE} stands for the whole file. */
    public record Section(int from, int to) {
        public static final Section WHOLE = new Section(0, -1);
    }

    public static Script wholeFile(SourceFile file) {
        return new Script(file, Section.WHOLE);
    }

    /** SHA-256 of the script, normalized as {@link Checksums} says; taken when first asked for. */
    public String checksum() {
        return section.equals(Section.WHOLE) ? file.checksum()
                : Checksums.ofScriptText(text());
    }

    public int from() {
        return section.from();
    }

    public int to() {
        return section.to() < 0 ? file.text().length() : section.to();
    }

    /** The script's own text: the whole file, or its section. */
    public String text() {
        return file.text().substring(from(), to());
    }

    /** The script's statements as {@code dialect} splits them, positions those of the original file. */
    public List<SqlStatement> statements(Dialect dialect) {
        SqlSplitter splitter = endDelimiter == null ? new SqlSplitter(dialect) : new SqlSplitter(dialect, endDelimiter);
        return splitter.split(file.text(), from(), to(), file.lines()).statements();
    }

    public String displayPath() {
        return file.displayPath();
    }
}
