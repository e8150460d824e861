package dev.drydock.shared.migration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Liquibase formatted SQL changelogs: every {@code .sql} file of the folder that starts with
 * {@code --liquibase formatted sql}, taken in name order (as Liquibase's {@code includeAll} does), one migration per
 * changeset. A changeset's version is its position in that order; its name is Liquibase's {@code author:id}.
 */
public record LiquibaseLayout() implements Layout {

    @Override
    public String name() {
        return "liquibase";
    }

    @Override
    public List<LayoutFile> scan(Path dir) throws IOException {
        List<LayoutFile> files = new ArrayList<>();
        int position = 0;
        for (Path path : Listing.flat(dir)) {
            if (!Listing.isSql(path)) {
                continue;
            }
            String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
            if (!LiquibaseChangelog.isChangelog(text)) {
                files.add(LayoutFile.misnamed(path, "not a Liquibase formatted SQL changelog: its first line is not"
                        + " '--liquibase formatted sql'"));
                continue;
            }
            for (LiquibaseChangelog.Changeset changeset : LiquibaseChangelog.parse(text).changesets()) {
                position++;
                files.add(new LayoutFile(path, LayoutFile.Role.CHANGESET, String.valueOf(position),
                        changeset.author() + ":" + changeset.id(), changeset.author() + ":" + changeset.id()));
            }
        }
        return files;
    }
}
