package dev.drydock.validator.dml;

import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * Calcite's validator for tables whose columns are all of type ANY. Calcite refuses a condition that is not of
 * boolean type, and a bare column ({@code WHERE active}, {@code ON t.enabled}) is ANY here, although the database
 * reads it as the boolean it is. That refusal comes after the condition's names were resolved, so it is dropped and
 * the rest of the statement is still validated.
 */
final class UntypedColumnsValidator extends SqlValidatorImpl {

    UntypedColumnsValidator(SqlOperatorTable operators, SqlValidatorCatalogReader catalog, RelDataTypeFactory types,
                            Config config) {
        super(operators, catalog, types, config);
    }

    @Override
    protected void validateWhereOrOn(SqlValidatorScope scope, SqlNode condition, String clause) {
        try {
            super.validateWhereOrOn(scope, condition, clause);
        } catch (CalciteContextException e) {
            if (!isNotACondition(e)) {
                throw e;
            }
        }
    }

    private static boolean isNotACondition(CalciteContextException e) {
        String message = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        return message != null && message.endsWith("clause must be a condition");
    }
}
