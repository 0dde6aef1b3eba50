package com.example.learning;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Puts the service's DataSource behind a switch the drills turn: {@link #outage()} refuses every new
 * connection as an exhausted pool does when the database is gone ({@code SQLTransientConnectionException});
 * {@link #readOnly()} hands out connections whose next transaction the real server runs read-only, so
 * every write fails with the server's own read-only error, as on a writer demoted in a failover;
 * {@link #heal()} ends both.
 */
public class DatabaseFaults implements BeanPostProcessor {
    private enum Mode { HEALTHY, OUTAGE, READ_ONLY }

    private volatile Mode mode = Mode.HEALTHY;

    public void outage() {
        mode = Mode.OUTAGE;
    }

    public void readOnly() {
        mode = Mode.READ_ONLY;
    }

    public void heal() {
        mode = Mode.HEALTHY;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource ? new Switched(dataSource) : bean;
    }

    private final class Switched extends DelegatingDataSource {
        Switched(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Mode now = mode;
            if (now == Mode.OUTAGE) {
                throw new SQLTransientConnectionException("drill: the database is unreachable", "08001");
            }
            Connection connection = super.getConnection();
            if (now == Mode.READ_ONLY) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET TRANSACTION READ ONLY");
                }
            }
            return connection;
        }
    }
}
