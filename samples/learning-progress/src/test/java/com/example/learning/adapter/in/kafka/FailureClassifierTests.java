package com.example.learning.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.learning.adapter.in.kafka.FailureClassifier.TransientCause;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

/** The failures the drivers and Spring really raise, as the listener and the error handler see them. */
class FailureClassifierTests {
    private final SQLErrorCodeSQLExceptionTranslator mysql = new SQLErrorCodeSQLExceptionTranslator("MariaDB");
    private final SQLErrorCodeSQLExceptionTranslator postgres = new SQLErrorCodeSQLExceptionTranslator("PostgreSQL");

    /** How the error handler sees each driver exception: translated as a JdbcTemplate does, thrown from the listener. */
    private static List<Optional<TransientCause>> asTheErrorHandlerSeesThem(SQLErrorCodeSQLExceptionTranslator translator, SQLException... driverExceptions) {
        return Stream.of(driverExceptions).map(e -> asTheErrorHandlerSeesIt(translated(translator, e))).toList();
    }

    private static DataAccessException translated(SQLErrorCodeSQLExceptionTranslator translator, SQLException driverException) {
        DataAccessException translated = translator.translate("insert", "INSERT INTO t VALUES (?)", driverException);
        return translated != null ? translated : new UncategorizedSQLException("insert", "INSERT INTO t VALUES (?)", driverException);
    }

    private static Optional<TransientCause> asTheErrorHandlerSeesIt(Exception failure) {
        BatchListenerFailedException reported = new BatchListenerFailedException(failure.getMessage(), failure, 0);
        return FailureClassifier.transientCause(new ListenerExecutionFailedException("listener failed", reported));
    }

    @Test
    void aPoolThatCannotHandOutAConnectionIsTransient() {
        CannotCreateTransactionException noConnection = new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 30000ms."));
        assertThat(asTheErrorHandlerSeesIt(noConnection)).contains(TransientCause.CONNECTION);
        assertThat(FailureClassifier.transientCause(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"))).contains(TransientCause.CONNECTION);
    }

    @Test
    void aConnectionLostMidStatementIsTransient() {
        assertThat(asTheErrorHandlerSeesThem(mysql, new SQLNonTransientConnectionException("(conn=42) Connection reset", "08000")))
                .containsOnly(Optional.of(TransientCause.CONNECTION));
        assertThat(asTheErrorHandlerSeesThem(postgres, new SQLException("FATAL: terminating connection due to administrator command", "57P01")))
                .containsOnly(Optional.of(TransientCause.CONNECTION));
    }

    @Test
    void aWriterDemotedToReadOnlyInAFailoverIsTransient() {
        assertThat(asTheErrorHandlerSeesThem(mysql,
                new SQLException("The MySQL server is running with the --read-only option so it cannot execute this statement", "HY000", 1290),
                new SQLException("Running in read-only mode", "HY000", 1836),
                new SQLInvalidAuthorizationSpecException("Cannot execute statement in a READ ONLY transaction", "25006", 1792)))
                .containsOnly(Optional.of(TransientCause.READ_ONLY));
        assertThat(asTheErrorHandlerSeesThem(postgres, new SQLException("ERROR: cannot execute INSERT in a read-only transaction", "25006")))
                .containsOnly(Optional.of(TransientCause.READ_ONLY));
    }

    @Test
    void lockWaitsAndDeadlocksAreTransient() {
        assertThat(asTheErrorHandlerSeesThem(mysql,
                new SQLTransactionRollbackException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213),
                new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205)))
                .containsOnly(Optional.of(TransientCause.LOCK));
        assertThat(asTheErrorHandlerSeesThem(postgres, new SQLException("ERROR: deadlock detected", "40P01")))
                .containsOnly(Optional.of(TransientCause.LOCK));
        assertThat(FailureClassifier.transientCause(new CannotAcquireLockException("lock"))).contains(TransientCause.LOCK);
    }

    @Test
    void anUnreachableBrokerIsTransient() {
        assertThat(FailureClassifier.transientCause(new TimeoutException("Expiring 1 record(s): 120000 ms has passed"))).contains(TransientCause.BROKER);
        assertThat(FailureClassifier.transientCause(new NotLeaderOrFollowerException("not the leader"))).contains(TransientCause.BROKER);
    }

    @Test
    void aConstraintTheRecordBreaksIsTheRecordsFault() {
        assertThat(asTheErrorHandlerSeesThem(mysql,
                new SQLIntegrityConstraintViolationException("Duplicate entry 'x' for key 'PRIMARY'", "23000", 1062),
                new SQLSyntaxErrorException("Unknown column 'x' in 'field list'", "42S22", 1054)))
                .containsOnly(Optional.empty());
        assertThat(asTheErrorHandlerSeesThem(postgres, new SQLException("ERROR: value too long for type character varying(64)", "22001")))
                .containsOnly(Optional.empty());
        assertThat(FailureClassifier.transientCause(new DataIntegrityViolationException("check constraint"))).isEmpty();
    }

    @Test
    void anInvalidRecordIsTheRecordsFault() {
        assertThat(asTheErrorHandlerSeesIt(new InvalidEventException("is not a valid event"))).isEmpty();
        assertThat(asTheErrorHandlerSeesIt(new IllegalArgumentException("minutes must not be negative"))).isEmpty();
    }

    @Test
    void theMetricTagOfACauseIsItsNameInKebabCase() {
        assertThat(TransientCause.READ_ONLY.tag()).isEqualTo("read-only");
        assertThat(TransientCause.CONNECTION.tag()).isEqualTo("connection");
    }
}
