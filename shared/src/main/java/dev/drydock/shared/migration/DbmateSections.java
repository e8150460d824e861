package dev.drydock.shared.migration;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds dbmate's {@code -- migrate:up} and {@code -- migrate:down} sections and their options. */
record DbmateSections(Script.Section up, Optional<Script.Section> down, boolean upInTransaction) {

    private static final Pattern UP = Pattern.compile("(?m)^--\\s*migrate:up\\b(.*)$");
    private static final Pattern DOWN = Pattern.compile("(?m)^--\\s*migrate:down\\b(.*)$");

    static DbmateSections of(String text) {
        Matcher up = UP.matcher(text);
        Matcher down = DOWN.matcher(text);
        boolean hasUp = up.find();
        boolean hasDown = down.find();
        int upStart = hasUp ? up.end() : 0;
        int upEnd = hasDown && (!hasUp || down.start() > up.start()) ? down.start() : text.length();
        Script.Section upSection = hasUp ? new Script.Section(upStart, upEnd) : new Script.Section(0, 0);
        Optional<Script.Section> downSection = Optional.empty();
        if (hasDown) {
            int downEnd = hasUp && up.start() > down.start() ? up.start() : text.length();
            downSection = Optional.of(new Script.Section(down.end(), downEnd));
        }
        boolean transactional = !hasUp || !up.group(1).matches(".*\\btransaction:false\\b.*");
        return new DbmateSections(upSection, downSection, transactional);
    }
}
