package com.example.learning.adapter.in.kafka;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells an infrastructure failure that passes by itself (a lost or refused connection, a failover's
 * read-only primary, a lock wait or deadlock, a timeout, an unreachable broker) from a failure of the
 * record itself. The first is retried until it passes and never dead-lettered; only the second may
 * reach the dead-letter topic.
 */
public final class FailureClassifier {
    // MySQL/MariaDB: 1290 '--read-only' (an Aurora writer demoted in a failover), 1836 read-only mode,
    // 1792 read-only transaction; 1205 lock wait timeout, 1213 deadlock.
    private static final Set<Integer> MYSQL_READ_ONLY = Set.of(1290, 1792, 1836);
    private static final Set<Integer> MYSQL_LOCK = Set.of(1205, 1213);
    // PostgreSQL: 25006 read-only transaction (a hot standby), 57P01/57P02/57P03 server shutting down or starting.
    private static final Set<String> POSTGRES_SERVER_GOING = Set.of("57P01", "57P02", "57P03");

    /** Why an infrastructure failure is transient; its name is the {@code cause} tag of the transient-failure metric. */
    public enum TransientCause {
        CONNECTION, READ_ONLY, LOCK, TIMEOUT, BROKER;

        public String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private FailureClassifier() {
    }

    public static boolean isTransient(Throwable failure) {
        return transientCause(failure).isPresent();
    }

    /** The transient cause found anywhere in the failure's cause chain, or empty when the record itself is at fault. */
    public static Optional<TransientCause> transientCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Optional<TransientCause> cause = ownCause(t);
            if (cause.isPresent()) {
                return cause;
            }
        }
        return Optional.empty();
    }

    private static Optional<TransientCause> ownCause(Throwable t) {
        if (t instanceof SQLException sql) {
            return Optional.ofNullable(ofSql(sql));
        }
        if (t instanceof QueryTimeoutException) {
            return Optional.of(TransientCause.TIMEOUT);
        }
        if (t instanceof ConcurrencyFailureException) {
            return Optional.of(TransientCause.LOCK);
        }
        if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                || t instanceof TransientDataAccessResourceException || t instanceof RecoverableDataAccessException) {
            return Optional.of(TransientCause.CONNECTION);
        }
        if (t instanceof RetriableException) {
            return Optional.of(TransientCause.BROKER);
        }
        return Optional.empty();
    }

    private static TransientCause ofSql(SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (MYSQL_READ_ONLY.contains(sql.getErrorCode()) || state.equals("25006")) {
            return TransientCause.READ_ONLY;
        }
        if (sql instanceof SQLTimeoutException) {
            return TransientCause.TIMEOUT;
        }
        if (sql instanceof SQLTransactionRollbackException || MYSQL_LOCK.contains(sql.getErrorCode()) || state.startsWith("40")) {
            return TransientCause.LOCK;
        }
        if (sql instanceof SQLTransientException || sql instanceof SQLRecoverableException
                || sql instanceof SQLNonTransientConnectionException || state.startsWith("08") || POSTGRES_SERVER_GOING.contains(state)) {
            return TransientCause.CONNECTION;
        }
        return null;
    }
}
