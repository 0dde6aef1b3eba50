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
import java.util.Optional;
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

    /** What a JdbcTemplate throws for the driver's exception. */
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
        SQLException lost = new SQLNonTransientConnectionException("(conn=42) Connection reset", "08000");
        assertThat(asTheErrorHandlerSeesIt(translated(mysql, lost))).contains(TransientCause.CONNECTION);
        SQLException shutdown = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        assertThat(asTheErrorHandlerSeesIt(translated(postgres, shutdown))).contains(TransientCause.CONNECTION);
    }

    @Test
    void aWriterDemotedToReadOnlyInAFailoverIsTransient() {
        SQLException auroraReader = new SQLException("The MySQL server is running with the --read-only option so it cannot execute this statement", "HY000", 1290);
        assertThat(asTheErrorHandlerSeesIt(translated(mysql, auroraReader))).contains(TransientCause.READ_ONLY);
        SQLException readOnlyMode = new SQLException("Running in read-only mode", "HY000", 1836);
        assertThat(asTheErrorHandlerSeesIt(translated(mysql, readOnlyMode))).contains(TransientCause.READ_ONLY);
        SQLException readOnlyTransaction = new SQLInvalidAuthorizationSpecException("Cannot execute statement in a READ ONLY transaction", "25006", 1792);
        assertThat(asTheErrorHandlerSeesIt(translated(mysql, readOnlyTransaction))).contains(TransientCause.READ_ONLY);
        SQLException hotStandby = new SQLException("ERROR: cannot execute INSERT in a read-only transaction", "25006");
        assertThat(asTheErrorHandlerSeesIt(translated(postgres, hotStandby))).contains(TransientCause.READ_ONLY);
    }

    @Test
    void lockWaitsAndDeadlocksAreTransient() {
        SQLException deadlock = new SQLTransactionRollbackException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
        assertThat(asTheErrorHandlerSeesIt(translated(mysql, deadlock))).contains(TransientCause.LOCK);
        SQLException lockWait = new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205);
        assertThat(asTheErrorHandlerSeesIt(translated(mysql, lockWait))).contains(TransientCause.LOCK);
        SQLException postgresDeadlock = new SQLException("ERROR: deadlock detected", "40P01");
        assertThat(asTheErrorHandlerSeesIt(translated(postgres, postgresDeadlock))).contains(TransientCause.LOCK);
        assertThat(FailureClassifier.transientCause(new CannotAcquireLockException("lock"))).contains(TransientCause.LOCK);
    }

    @Test
    void anUnreachableBrokerIsTransient() {
        assertThat(FailureClassifier.transientCause(new TimeoutException("Expiring 1 record(s): 120000 ms has passed"))).contains(TransientCause.BROKER);
        assertThat(FailureClassifier.transientCause(new NotLeaderOrFollowerException("not the leader"))).contains(TransientCause.BROKER);
    }

    @Test
    void aConstraintTheRecordBreaksIsTheRecordsFault() {
        SQLException duplicate = new SQLIntegrityConstraintViolationException("Duplicate entry 'x' for key 'PRIMARY'", "23000", 1062);
        assertThat(asTheErrorHandlerSeesIt(translated(mysql, duplicate))).isEmpty();
        SQLException tooLong = new SQLException("ERROR: value too long for type character varying(64)", "22001");
        assertThat(asTheErrorHandlerSeesIt(translated(postgres, tooLong))).isEmpty();
        SQLException badColumn = new SQLSyntaxErrorException("Unknown column 'x' in 'field list'", "42S22", 1054);
        assertThat(asTheErrorHandlerSeesIt(translated(mysql, badColumn))).isEmpty();
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
