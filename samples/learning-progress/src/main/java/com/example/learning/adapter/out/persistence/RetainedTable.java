package com.example.learning.adapter.out.persistence;

import java.time.Duration;

/** A table whose rows are purged once older than a retention, judged on a time column that has an index. */
public interface RetainedTable {
    /** @return the table's name */
    String table();

    /** @return the indexed column holding when a row was written */
    String timeColumn();

    /** @return how long a row is kept */
    Duration retention();
}
