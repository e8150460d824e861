package dev.drydock.shared.migration;

/** A SQL file in the migrations folder that the layout's runner would not run, and why. */
public record MisnamedFile(SourceFile file, String why) {
}
