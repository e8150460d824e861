package dev.drydock.shared.sql;

import java.util.List;

/** What the splitter found in a script: statements, directive comments and lexical errors, in file order. */
public record SplitScript(List<SqlStatement> statements, List<SqlComment> directives, List<LexicalError> errors) {
}
