package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlToken;

import java.util.Locale;

/**
 * {@code privilege-escalation}: GRANT ALL, grants to PUBLIC or on {@code *.*}, WITH GRANT/ADMIN OPTION, roles and
 * users created in a migration, SUPERUSER, BYPASSRLS and CREATEROLE.
 */
final class PrivilegeEscalation implements StatementRules {

    static final Rule RULE = Rule.of("privilege-escalation", Severity.WARNING, "security",
            "GRANT ALL, grants to PUBLIC, SUPERUSER, WITH GRANT OPTION, CREATE ROLE",
            "Broad grants outlive the migration that made them and are rarely reviewed again. Grant the specific"
                    + " privileges on the specific objects to a named role, and manage roles outside migrations.")
            .example(Dialect.POSTGRESQL, "GRANT ALL ON users TO PUBLIC;", "REVOKE ALL ON users FROM PUBLIC;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        String kind = site.kind();
        if (kind.equals("GRANT")) {
            if (site.wordAt(1, "ALL")) {
                escalation(site, sink, site.tokens().get(1), "GRANT ALL gives every privilege, including ones added"
                        + " later; grant the specific privileges the role needs");
            }
            int to = site.indexOfWord("TO");
            if (to > 0 && site.wordAt(to + 1, "PUBLIC")) {
                escalation(site, sink, site.tokens().get(to + 1), "granting to PUBLIC gives every role, present and"
                        + " future, this privilege; grant to a named role");
            }
            int with = site.indexOfWord("WITH");
            if (with > 0 && (site.wordAt(with + 1, "GRANT") || site.wordAt(with + 1, "ADMIN"))) {
                escalation(site, sink, site.tokens().get(with), "WITH " + site.tokens().get(with + 1).text()
                        .toUpperCase(Locale.ROOT) + " OPTION lets the grantee pass the privilege on; leave it out");
            }
            if (site.containsWord("ON") && site.tokens().stream().anyMatch(t -> t.isSymbol('*'))
                    && site.indexOfWord("ON") + 1 < site.tokens().size()
                    && site.tokens().get(site.indexOfWord("ON") + 1).isSymbol('*')) {
                escalation(site, sink, site.wordToken("ON"), "a grant ON *.* covers every database on the server;"
                        + " grant on the application's schema only");
            }
        }
        if (kind.equals("CREATE ROLE") || kind.equals("CREATE USER")) {
            escalation(site, sink, site.first(), kind + " in a migration creates an account in every environment the"
                    + " migration reaches; manage roles and users outside the migrations");
        }
        if ((kind.endsWith(" ROLE") || kind.endsWith(" USER")) && !kind.startsWith("DROP")) {
            for (SqlToken token : site.tokens()) {
                if (token.isWord("SUPERUSER") || token.isWord("BYPASSRLS") || token.isWord("CREATEROLE")) {
                    escalation(site, sink, token, token.text().toUpperCase(Locale.ROOT) + " gives the role power over"
                            + " the whole server; give it only the privileges it needs");
                }
            }
        }
    }

    private static void escalation(StatementSite site, FindingSink sink, SqlToken at, String message) {
        site.report(sink, RULE, at, null, message);
    }
}
