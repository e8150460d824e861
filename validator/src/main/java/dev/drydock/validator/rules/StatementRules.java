package dev.drydock.validator.rules;

/** A family of rules judged statement by statement, with the schema as it stands before each statement. */
interface StatementRules {

    void check(StatementSite site, FindingSink sink);

    /** Called after the last statement of a script, for rules about the script as a whole. */
    default void endOfScript(StatementSite last, FindingSink sink) {
    }
}
