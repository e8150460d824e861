package dev.drydock.validator.cli;

import dev.drydock.validator.rules.Rule;
import dev.drydock.validator.rules.RuleCatalog;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code validator rules}: the rule catalogue. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Lists every rule: id, default severity, what it finds and what to do about it.",
        footerHeading = "%nExamples:%n",
        footer = {"  validator rules", "  validator rules | grep rollback"})
final class RulesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        for (Rule rule : RuleCatalog.all()) {
            System.out.printf("%-22s %-8s %s%n", rule.id(), rule.defaultSeverity().id(), rule.summary());
            System.out.printf("%-22s %-8s %s%n%n", "", "", rule.help());
        }
        return 0;
    }
}
