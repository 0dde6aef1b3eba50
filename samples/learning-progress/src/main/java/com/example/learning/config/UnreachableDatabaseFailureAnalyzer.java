package com.example.learning.config;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start that fails because the database cannot be reached (SQLState class 08, a connection exception) is told in
 * one line, with the driver's own reason, instead of a page of nested bean-creation errors.
 */
public class UnreachableDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {
    private static final String CONNECTION_EXCEPTION = "08";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        if (cause.getSQLState() == null || !cause.getSQLState().startsWith(CONNECTION_EXCEPTION)) {
            return null;
        }
        String reason = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
        return new FailureAnalysis("The database cannot be reached: " + reason,
                "Check that the database is up and that DB_URL, DB_USER and DB_PASSWORD point at it.", cause);
    }
}
