package dev.drydock.shared.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Liquibase formatted SQL changelog ({@code --liquibase formatted sql}): one changeset per
 * {@code --changeset author:id [attribute:value ...]} line, its SQL running to the next changeset, its rollback the
 * changeset's {@code --rollback} lines and {@code /* liquibase rollback ... *}{@code /} blocks.
 */
public record LiquibaseChangelog(List<Changeset> changesets) {

    private static final Pattern HEADER = Pattern.compile("(?i)\\A\\s*--\\s*liquibase\\s+formatted\\s+sql\\b");
    private static final Pattern CHANGESET = Pattern.compile(
            "(?im)^--\\s*changeset\\s+(\"[^\"]+\"|[^:\\s]+):(\"[^\"]+\"|\\S+)([^\\r\\n]*)$");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+):(\"[^\"]*\"|\\S+)");
    private static final Pattern ROLLBACK_LINE = Pattern.compile("(?im)^--\\s*rollback\\b[ \\t]?([^\\r\\n]*)$");
    private static final Pattern ROLLBACK_BLOCK = Pattern.compile("(?is)/\\*\\s*liquibase\\s+rollback\\b(.*?)\\*/");

    /**
     * One changeset: its body is {@code text[from, to)} of the file; {@code rollbackRanges} are the ranges of the
     * file that hold its rollback SQL (empty when it has none), so positions stay those of the file.
     */
    public record Changeset(String author, String id, int from, int to, Map<String, String> attributes,
                            List<int[]> rollbackRanges) {

        public Optional<String> attribute(String name) {
            return Optional.ofNullable(attributes.get(name.toLowerCase(Locale.ROOT)));
        }

        /** Liquibase's attributes default to true ({@code runInTransaction}, {@code splitStatements}, {@code failOnError}). */
        public boolean flag(String name) {
            return attribute(name).map(value -> !value.equalsIgnoreCase("false")).orElse(true);
        }
    }

    public static boolean isChangelog(String text) {
        return HEADER.matcher(text).find();
    }

    public static LiquibaseChangelog parse(String text) {
        List<MatchResult> heads = CHANGESET.matcher(text).results().toList();
        List<Changeset> changesets = new ArrayList<>();
        for (int i = 0; i < heads.size(); i++) {
            MatchResult head = heads.get(i);
            int from = head.end();
            int to = i + 1 < heads.size() ? heads.get(i + 1).start() : text.length();
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(head.group(3));
            while (attribute.find()) {
                attributes.put(attribute.group(1).toLowerCase(Locale.ROOT), unquote(attribute.group(2)));
            }
            changesets.add(new Changeset(unquote(head.group(1)), unquote(head.group(2)), from, to, attributes,
                    rollbackRanges(text, from, to)));
        }
        return new LiquibaseChangelog(List.copyOf(changesets));
    }

    /** The text with everything but the changeset's rollback SQL turned to spaces (line breaks kept). */
    public static String rollbackText(String text, Changeset changeset) {
        char[] blank = new char[text.length()];
        for (int i = 0; i < blank.length; i++) {
            char c = text.charAt(i);
            blank[i] = c == '\n' || c == '\r' ? c : ' ';
        }
        for (int[] range : changeset.rollbackRanges()) {
            text.getChars(range[0], range[1], blank, range[0]);
        }
        return new String(blank);
    }

    /** Where the changeset's rollback SQL lies in the file: from its first rollback line or block to its last. */
    public static Script.Section rollbackSection(Changeset changeset) {
        List<int[]> ranges = changeset.rollbackRanges();
        return ranges.isEmpty() ? new Script.Section(changeset.from(), changeset.from())
                : new Script.Section(ranges.get(0)[0], ranges.get(ranges.size() - 1)[1]);
    }

    private static List<int[]> rollbackRanges(String text, int from, int to) {
        List<int[]> ranges = new ArrayList<>();
        Matcher line = ROLLBACK_LINE.matcher(text).region(from, to);
        while (line.find()) {
            if (!line.group(1).strip().equalsIgnoreCase("not required")) {
                ranges.add(new int[] {line.start(1), line.end(1)});
            }
        }
        Matcher block = ROLLBACK_BLOCK.matcher(text).region(from, to);
        while (block.find()) {
            ranges.add(new int[] {block.start(1), block.end(1)});
        }
        ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        return ranges;
    }

    /** Whether the changeset has a rollback at all ({@code --rollback not required} is one that does nothing). */
    public static boolean hasRollback(String text, Changeset changeset) {
        return ROLLBACK_LINE.matcher(text).region(changeset.from(), changeset.to()).find()
                || ROLLBACK_BLOCK.matcher(text).region(changeset.from(), changeset.to()).find();
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
