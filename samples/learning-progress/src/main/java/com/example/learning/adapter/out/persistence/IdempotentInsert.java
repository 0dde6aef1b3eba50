package com.example.learning.adapter.out.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;

/**
 * Inserts events into their table, which is the consumer's dedup record, skipping the ids stored before: the primary
 * key on the id refuses a second insert of an id, even from a consumer that lost its partition mid-batch, and the rows
 * commit or roll back with the effect of the transaction they are inserted in.
 *
 * <p>A batch is one insert that skips known ids ({@code INSERT IGNORE}): on MariaDB one bulk command of the
 * one-row statement ({@link Rows#BULK}), on MySQL one multi-row statement ({@link Rows#MULTI_ROW_STATEMENT}).
 * When every row went in (the usual case) that single statement is the whole claim; when some were skipped (a
 * redelivery), the rows it wrote are found again by the random {@code claim_token} they carry.
 *
 * @param <E> the event type
 */
public final class IdempotentInsert<E> {
    private static final int ROWS_PER_STATEMENT = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(IdempotentInsert.class);

    /** How a batch's rows reach the server. */
    public enum Rows {
        /**
         * One bulk command of the one-row statement (MariaDB, with the driver's {@code useBulkStmts=true}): the server
         * parses the statement once and reads the rows' values in binary, which cost MariaDB 10.11 about 45 % less CPU
         * than the multi-row statement.
         */
        BULK,
        /** One multi-row statement: MySQL has no bulk command, and a JDBC batch would reach it as one statement per row. */
        MULTI_ROW_STATEMENT
    }

    private final JdbcTemplate jdbc;
    private final Function<E, String> id;
    private final Function<E, Object[]> row;
    private final String insertHead;
    private final String rowPlaceholders;
    private final String lookupHead;
    private volatile @Nullable Rows rows;
    private final AtomicBoolean warnedOfCount = new AtomicBoolean();

    /**
     * @param jdbc     the template, in the caller's transaction
     * @param table    the events table
     * @param idColumn its primary key, the event id
     * @param columns  the columns an event fills
     * @param id       an event's id
     * @param row      an event's values, in the order of {@code columns}
     */
    public IdempotentInsert(JdbcTemplate jdbc, String table, String idColumn, List<String> columns, Function<E, String> id,
            Function<E, Object[]> row) {
        this(jdbc, table, idColumn, columns, id, row, null);
    }

    /**
     * As above, with the way rows reach the server chosen rather than taken from the server the first insert runs on
     * ({@link Rows#BULK} on MariaDB, else {@link Rows#MULTI_ROW_STATEMENT}).
     *
     * @param rows how a batch's rows reach the server; null to decide from the server
     */
    public IdempotentInsert(JdbcTemplate jdbc, String table, String idColumn, List<String> columns, Function<E, String> id,
            Function<E, Object[]> row, @Nullable Rows rows) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.id = id;
        this.row = row;
        this.insertHead = "INSERT IGNORE INTO " + table + " (" + String.join(", ", columns) + ", claim_token) VALUES ";
        this.rowPlaceholders = "(" + "?, ".repeat(columns.size()) + "?)";
        this.lookupHead = "SELECT " + idColumn + " FROM " + table + " WHERE claim_token = ? AND " + idColumn + " IN (";
    }

    /**
     * Inserts the events whose ids are not stored yet and returns those ids; an id stored before, or earlier in the
     * same list, is left out.
     *
     * @param events the events of a batch, in order
     * @return the ids inserted now
     */
    public Set<String> insertNew(List<E> events) {
        Map<String, E> firstOfEachId = new LinkedHashMap<>();
        events.forEach(e -> firstOfEachId.putIfAbsent(id.apply(e), e));
        List<E> distinct = List.copyOf(firstOfEachId.values());
        Set<String> inserted = new LinkedHashSet<>();
        for (int from = 0; from < distinct.size(); from += ROWS_PER_STATEMENT) {
            inserted.addAll(insertChunk(distinct.subList(from, Math.min(distinct.size(), from + ROWS_PER_STATEMENT))));
        }
        return inserted;
    }

    private List<String> insertChunk(List<E> events) {
        long token = ThreadLocalRandom.current().nextLong();
        List<Object> values = new ArrayList<>();
        for (E e : events) {
            Collections.addAll(values, row.apply(e));
            values.add(token);
        }
        List<String> ids = events.stream().map(id).toList();
        if (rows() == Rows.BULK) {
            if (insertedWholeInBulk(values, events.size())) {
                return ids;
            }
            List<String> insertedNow = insertedWith(token, ids);
            if (insertedNow.size() == ids.size() && ids.size() > 1 && warnedOfCount.compareAndSet(false, true)) {
                LOG.warn("MariaDB did not count a batch of {} rows, all of them inserted, as one: the driver ran the batch row by row, not "
                        + "as one bulk command. Add useBulkStmts=true to the JDBC URL; until then every batch costs a second query.",
                        ids.size());
            }
            return insertedNow;
        }
        int inserted = jdbc.update(insertHead + String.join(", ", Collections.nCopies(events.size(), rowPlaceholders)),
                statement -> bind(statement, values, 0, values.size()));
        if (inserted == events.size()) {
            return ids;
        }
        return insertedWith(token, ids);
    }

    /** The ids of the list that the insert claiming with {@code token} stored, in the list's order. */
    private List<String> insertedWith(long token, List<String> ids) {
        List<Object> lookup = new ArrayList<>(ids.size() + 1);
        lookup.add(token);
        lookup.addAll(ids);
        Set<String> insertedHere = new HashSet<>(jdbc.queryForList(lookupHead + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")",
                String.class, lookup.toArray()));
        return ids.stream().filter(insertedHere::contains).toList();
    }

    /** How this insert sends a batch's rows: as given, or decided from the server on first use. */
    public Rows rows() {
        Rows known = rows;
        if (known == null) {
            known = DatabaseProduct.isMariaDb(jdbc) ? Rows.BULK : Rows.MULTI_ROW_STATEMENT;
            rows = known;
        }
        return known;
    }

    /**
     * Inserts the rows as one JDBC batch of the one-row statement, which the MariaDB driver sends as one bulk command, and
     * tells whether the server counted every row inserted. The driver reports the bulk command's count, which leaves out
     * the ids stored before; a driver that sends the rows one by one reports the last row's only, short of any batch of
     * more rows. Either way a short count makes the caller look the rows up.
     */
    private boolean insertedWholeInBulk(List<Object> values, int rowCount) {
        int columns = values.size() / rowCount;
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            try (PreparedStatement insert = connection.prepareStatement(insertHead + rowPlaceholders)) {
                for (int from = 0; from < values.size(); from += columns) {
                    bind(insert, values, from, columns);
                    insert.addBatch();
                }
                insert.executeBatch();
                return insert.getUpdateCount() == rowCount;
            }
        }));
    }

    /**
     * Binds the values with the setter of their type where there is one: a batch binds thousands of them, and the
     * generic path (setObject) makes the driver search its codecs for each.
     */
    private static void bind(PreparedStatement statement, List<Object> values, int from, int count) throws SQLException {
        for (int i = 0; i < count; i++) {
            Object value = values.get(from + i);
            if (value instanceof String text) {
                statement.setString(i + 1, text);
            } else if (value instanceof Integer number) {
                statement.setInt(i + 1, number);
            } else if (value instanceof Long number) {
                statement.setLong(i + 1, number);
            } else {
                StatementCreatorUtils.setParameterValue(statement, i + 1, SqlTypeValue.TYPE_UNKNOWN, value);
            }
        }
    }
}
