package com.example.learning.adapter.out.persistence;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;

/** Which server the pool reaches, for the statements whose best form differs between MariaDB and MySQL. */
public final class DatabaseProduct {
    private DatabaseProduct() {
    }

    /** Whether the server is MariaDB, by the product name its driver reports (MariaDB Connector/J names a MySQL server "MySQL"). */
    public static boolean isMariaDb(JdbcOperations jdbc) {
        return "MariaDB".equalsIgnoreCase(jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName()));
    }
}
