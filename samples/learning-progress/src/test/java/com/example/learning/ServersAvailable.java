package com.example.learning;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the integration tests when a server they need cannot be reached (MariaDB/MySQL; the
 * broker is embedded), printing why once, so {@code ./mvnw -B verify} passes on a machine with only Java and says what it
 * did not test.
 */
public final class ServersAvailable implements ExecutionCondition {
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> missing = TestDatabase.unreachable();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("the servers answer");
        }
        if (TOLD.compareAndSet(false, true)) {
            System.err.println("Integration tests skipped: " + missing.get());
        }
        return ConditionEvaluationResult.disabled(missing.get());
    }
}
