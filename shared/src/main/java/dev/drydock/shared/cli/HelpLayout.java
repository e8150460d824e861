package dev.drydock.shared.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * How the three command lines lay out {@code --help}: the examples after "Examples:" are printed as written, one
 * per line, never wrapped to the help's width, so that a copied example is a whole command (a wrap inside a JDBC
 * URL or a file name breaks it).
 */
public final class HelpLayout {

    private HelpLayout() {
    }

    /** Applies the layout to {@code cli} and every subcommand under it. */
    public static void keepExamplesWhole(CommandLine cli) {
        cli.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_FOOTER,
                help -> unwrapped(help.commandSpec().usageMessage().footer()));
        cli.getSubcommands().values().forEach(HelpLayout::keepExamplesWhole);
    }

    private static String unwrapped(String[] footer) {
        StringBuilder text = new StringBuilder();
        for (String line : footer) {
            text.append(line.replace("%n", System.lineSeparator())).append(System.lineSeparator());
        }
        return text.toString();
    }
}
