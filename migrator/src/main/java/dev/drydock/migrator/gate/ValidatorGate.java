package dev.drydock.migrator.gate;

import dev.drydock.shared.config.DrydockConfig;
import dev.drydock.shared.migration.MigrationDiscovery;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.validator.Validator;
import dev.drydock.validator.report.Report;
import dev.drydock.validator.rules.Finding;
import dev.drydock.validator.rules.Severity;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The first gate: the validator on the whole set, with the project's rule settings; its errors stop the run. */
public final class ValidatorGate {

    private ValidatorGate() {
    }

    /** The validator's report on the set, with the project's rule settings. */
    public static Report report(DrydockConfig config, MigrationSet set, MigrationDiscovery discovery) {
        List<DialectTarget> dialects = config.migrations().dialects().isEmpty()
                ? List.of(DialectTarget.latest(primaryDialect(config))) : config.migrations().dialects();
        return new Validator(config.validator().rules(), config.validator().largeTables(), config.validator().baseline())
                .validate(set, dialects, Optional.empty(), discovery.display(set.sumFile()));
    }

    /** The validator's findings on the set (every severity). */
    public static List<Finding> findings(DrydockConfig config, MigrationSet set, MigrationDiscovery discovery) {
        return report(config, set, discovery).findings();
    }

    /** The first dialect of {@code migrations.dialects}, PostgreSQL when none is named (as the validator does). */
    public static Dialect primaryDialect(DrydockConfig config) {
        return config.migrations().dialects().isEmpty() ? Dialect.POSTGRESQL
                : config.migrations().dialects().get(0).dialect();
    }

    /** A refusal listing every error, or empty when there is none. */
    public static Optional<GateRefusal> errors(DrydockConfig config, MigrationSet set, MigrationDiscovery discovery) {
        return refusal(findings(config, set, discovery), finding -> true);
    }

    /** A refusal listing the errors {@code counted} keeps, or empty. */
    public static Optional<GateRefusal> refusal(List<Finding> findings, Predicate<Finding> counted) {
        List<Finding> errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).filter(counted).toList();
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder("the validator found " + errors.size() + " error(s); nothing was"
                + " changed");
        for (Finding error : errors) {
            message.append("\n  ").append(error.file()).append(':').append(error.start().line()).append(": ")
                    .append(error.rule()).append(": ").append(error.message());
        }
        return Optional.of(new GateRefusal(message.toString()));
    }
}
