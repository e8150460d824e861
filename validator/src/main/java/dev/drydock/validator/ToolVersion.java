package dev.drydock.validator;

import dev.drydock.shared.cli.DrydockVersion;

/** The validator's name and version, as reports (SARIF's tool, JUnit) and {@code --version} give them. */
public final class ToolVersion {

    public static final String NAME = "drydock-validator";

    private ToolVersion() {
    }

    public static String version() {
        return DrydockVersion.version();
    }
}
