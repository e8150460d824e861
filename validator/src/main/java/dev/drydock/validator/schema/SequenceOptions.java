package dev.drydock.validator.schema;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlLexer;
import dev.drydock.shared.sql.SqlToken;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sequence's options: as PostgreSQL keeps them, so that {@code START 1} and pg_dump's {@code START WITH 1
 * INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1} compare equal (optional words dropped, each option once, and the
 * values that are the defaults left out: bigint, increment 1, the bounds and the start the type and the direction
 * give, cache 1, no cycle); and as PostgreSQL checks them ({@link #refusal}).
 */
final class SequenceOptions {

    private static final Map<String, String> DEFAULTS = Map.of("as", "bigint", "increment", "1", "cache", "1");

    private SequenceOptions() {
    }

    static String canonical(List<SqlToken> options) {
        Map<String, String> kept = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        TokenCursor cursor = new TokenCursor(options);
        while (!cursor.atEnd()) {
            if (cursor.accept("AS")) {
                kept.put("as", TypeName.normalize(Dialect.POSTGRESQL, cursor.next().text()));
            } else if (cursor.accept("INCREMENT")) {
                cursor.accept("BY");
                kept.put("increment", text(cursor));
            } else if (cursor.accept("START")) {
                cursor.accept("WITH");
                kept.put("start", text(cursor));
            } else if (cursor.accept("MINVALUE") || cursor.accept("MAXVALUE") || cursor.accept("CACHE")) {
                kept.put(cursor.current().text().toLowerCase(Locale.ROOT), text(cursor));
            } else if (cursor.accept("NO", "MINVALUE") || cursor.accept("NO", "MAXVALUE") || cursor.accept("NO", "CYCLE")) {
                kept.remove(cursor.current().text().toLowerCase(Locale.ROOT));
            } else if (cursor.accept("CYCLE")) {
                kept.put("cycle", "");
            } else if (cursor.accept("RESTART")) {
                // where the next value comes from, not what the sequence is
                cursor.accept("WITH");
                if (cursor.peek() != null && (cursor.peek().type() == SqlToken.Type.NUMBER || cursor.peek().isSymbol('-'))) {
                    text(cursor);
                }
            } else if (cursor.accept("OWNED", "BY")) {
                cursor.name(); // the owner is kept apart, as the table the sequence belongs to
            } else {
                other.add(TokenCursor.normalized(List.of(cursor.next())));
            }
        }
        dropImplied(kept);
        StringBuilder text = new StringBuilder();
        kept.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(option -> !option.getValue().equals(DEFAULTS.get(option.getKey())))
                .forEach(option -> text.append(option.getKey()).append(option.getValue().isEmpty() ? "" : " ")
                        .append(option.getValue()).append(' '));
        other.forEach(word -> text.append(word).append(' '));
        return text.toString().trim();
    }

    /** Drops the bounds the type and the direction give, and then the start the bounds give. */
    private static void dropImplied(Map<String, String> kept) {
        String type = kept.getOrDefault("as", "bigint");
        if (!Parameters.isInteger(type)) {
            return;
        }
        boolean ascending = !kept.getOrDefault("increment", "1").startsWith("-");
        String low = ascending ? "1" : Parameters.typeMin(type).toString();
        String high = ascending ? Parameters.typeMax(type).toString() : "-1";
        kept.remove("minvalue", low);
        kept.remove("maxvalue", high);
        String start = ascending ? kept.getOrDefault("minvalue", low) : kept.getOrDefault("maxvalue", high);
        kept.remove("start", start);
    }

    /**
     * Why PostgreSQL refuses a sequence's options, as its {@code init_params} checks them; null when it takes them, or
     * when an option is not a plain number.
     */
    static String refusal(List<SqlToken> options) {
        Parameters parameters = Parameters.read(options);
        return parameters == null ? null : parameters.refusal();
    }

    /**
     * The options PostgreSQL checks an ALTER SEQUENCE's against: the sequence's type, increment, bounds and start as
     * numbers, which the statement's own options then stand over, as they do there (a sequence made going down keeps
     * its bounds when its increment turns); null when they cannot be told.
     */
    static List<SqlToken> altered(String definition, List<SqlToken> statement) {
        Parameters own = Parameters.read(SqlLexer.tokens(Dialect.POSTGRESQL, definition));
        if (own == null || own.refusal() != null) {
            return null;
        }
        List<SqlToken> merged = new ArrayList<>(SqlLexer.tokens(Dialect.POSTGRESQL, "AS " + own.type()
                + " INCREMENT " + own.increment() + " MINVALUE " + own.low() + " MAXVALUE " + own.high() + " START "
                + own.first() + (own.cycle() ? " CYCLE" : "")
                + (own.cache() == null ? "" : " CACHE " + own.cache())));
        merged.addAll(statement);
        return merged;
    }

    /** A sequence's options as numbers, null where the options leave one to its default. */
    private record Parameters(String type, BigInteger increment, BigInteger min, BigInteger max, BigInteger start,
                              BigInteger restart, BigInteger cache, boolean cycle) {

        static Parameters read(List<SqlToken> options) {
            String type = "bigint";
            BigInteger increment = BigInteger.ONE;
            BigInteger min = null;
            BigInteger max = null;
            BigInteger start = null;
            BigInteger restart = null;
            BigInteger cache = null;
            boolean cycle = false;
            TokenCursor cursor = new TokenCursor(options);
            while (!cursor.atEnd()) {
                if (cursor.accept("AS")) {
                    SqlToken written = cursor.next();
                    if (written == null) {
                        return null;
                    }
                    type = TypeName.normalize(Dialect.POSTGRESQL, written.text());
                    if (!isInteger(type) && !(written.type() == SqlToken.Type.WORD
                            && RefusedDeclarations.POSTGRES_NOT_INTEGER.contains(type))) {
                        return null; // a domain, or a type not read here
                    }
                } else if (cursor.accept("OWNED", "BY")) {
                    cursor.name();
                } else if (cursor.accept("NO", "MINVALUE")) {
                    min = null;
                } else if (cursor.accept("NO", "MAXVALUE")) {
                    max = null;
                } else if (cursor.accept("NO", "CYCLE")) {
                    cycle = false;
                } else if (cursor.accept("CYCLE")) {
                    cycle = true;
                } else if (cursor.isWord("RESTART") && !numberAfter(cursor)) {
                    cursor.next(); // RESTART alone: at the start value, which is checked as it is
                } else {
                    String option = cursor.isWord("INCREMENT") || cursor.isWord("START") || cursor.isWord("MINVALUE")
                            || cursor.isWord("MAXVALUE") || cursor.isWord("CACHE") || cursor.isWord("RESTART")
                            ? cursor.next().text().toUpperCase(Locale.ROOT) : null;
                    if (option == null) {
                        return null; // an option not read here: judge nothing
                    }
                    cursor.accept(option.equals("INCREMENT") ? "BY" : "WITH");
                    BigInteger value = number(cursor);
                    if (value == null) {
                        return null;
                    }
                    switch (option) {
                        case "INCREMENT" -> increment = value;
                        case "START" -> start = value;
                        case "RESTART" -> restart = value;
                        case "MINVALUE" -> min = value;
                        case "MAXVALUE" -> max = value;
                        default -> cache = value;
                    }
                }
            }
            return new Parameters(type, increment, min, max, start, restart, cache, cycle);
        }

        private static boolean numberAfter(TokenCursor cursor) {
            SqlToken next = cursor.peek(1);
            return next != null && (next.isWord("WITH") || next.type() == SqlToken.Type.NUMBER || next.isSymbol('-'));
        }

        static boolean isInteger(String type) {
            return type.equals("smallint") || type.equals("integer") || type.equals("bigint");
        }

        static BigInteger typeMax(String type) {
            return switch (type) {
                case "smallint" -> BigInteger.valueOf(Short.MAX_VALUE);
                case "integer" -> BigInteger.valueOf(Integer.MAX_VALUE);
                default -> BigInteger.valueOf(Long.MAX_VALUE);
            };
        }

        static BigInteger typeMin(String type) {
            return typeMax(type).negate().subtract(BigInteger.ONE);
        }

        BigInteger low() {
            return min != null ? min : increment.signum() > 0 ? BigInteger.ONE : typeMin(type);
        }

        BigInteger high() {
            return max != null ? max : increment.signum() > 0 ? typeMax(type) : BigInteger.ONE.negate();
        }

        BigInteger first() {
            return start != null ? start : increment.signum() > 0 ? low() : high();
        }

        String refusal() {
            if (!isInteger(type)) {
                return "sequence type must be smallint, integer, or bigint";
            }
            if (increment.signum() == 0) {
                return "INCREMENT must not be zero";
            }
            BigInteger low = low();
            BigInteger high = high();
            if (high.compareTo(typeMin(type)) < 0 || high.compareTo(typeMax(type)) > 0) {
                return "MAXVALUE (" + high + ") is out of range for sequence data type " + type;
            }
            if (low.compareTo(typeMin(type)) < 0 || low.compareTo(typeMax(type)) > 0) {
                return "MINVALUE (" + low + ") is out of range for sequence data type " + type;
            }
            if (low.compareTo(high) >= 0) {
                return "MINVALUE (" + low + ") must be less than MAXVALUE (" + high + ")";
            }
            BigInteger first = first();
            if (first.compareTo(low) < 0) {
                return "START value (" + first + ") cannot be less than MINVALUE (" + low + ")";
            }
            if (first.compareTo(high) > 0) {
                return "START value (" + first + ") cannot be greater than MAXVALUE (" + high + ")";
            }
            if (restart != null && restart.compareTo(low) < 0) {
                return "RESTART value (" + restart + ") cannot be less than MINVALUE (" + low + ")";
            }
            if (restart != null && restart.compareTo(high) > 0) {
                return "RESTART value (" + restart + ") cannot be greater than MAXVALUE (" + high + ")";
            }
            if (cache != null && cache.signum() <= 0) {
                return "CACHE (" + cache + ") must be greater than zero";
            }
            return null;
        }

        /** The number next, with its sign; null when what follows is not a number. */
        private static BigInteger number(TokenCursor cursor) {
            boolean negative = cursor.acceptSymbol('-');
            if (!negative) {
                cursor.acceptSymbol('+');
            }
            SqlToken token = cursor.next();
            if (token == null || token.type() != SqlToken.Type.NUMBER || !token.text().matches("\\d+")) {
                return null;
            }
            BigInteger value = new BigInteger(token.text());
            return negative ? value.negate() : value;
        }
    }

    /** The option's value as written, with its sign. */
    private static String text(TokenCursor cursor) {
        SqlToken token = cursor.next();
        if (token != null && token.isSymbol('-') && !cursor.atEnd()) {
            return "-" + cursor.next().text();
        }
        return token == null ? "" : token.text();
    }
}
