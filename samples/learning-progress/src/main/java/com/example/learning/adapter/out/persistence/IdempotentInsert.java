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
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;

/**
 * Inserts events into their table, which is the consumer's dedup record, skipping the ids stored before: the primary
 * key on the id refuses a second insert of an id, even from a consumer that lost its partition mid-batch, and the rows
 * commit or roll back with the effect of the transaction they are inserted in.
 *
 * <p>A batch is one multi-row insert that skips known ids ({@code INSERT IGNORE}).
 * When every row went in (the usual case) that single statement is the whole claim; when some were skipped (a
 * redelivery), the rows it wrote are found again by the random {@code claim_token} they carry.
 *
 * @param <E> the event type
 */
public final class IdempotentInsert<E> {
    private static final int ROWS_PER_STATEMENT = 1000;

    private final JdbcTemplate jdbc;
    private final Function<E, String> id;
    private final Function<E, Object[]> row;
    private final String insertHead;
    private final String rowPlaceholders;
    private final String lookupHead;

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
        int inserted = jdbc.update(insertHead + String.join(", ", Collections.nCopies(events.size(), rowPlaceholders)),
                statement -> bind(statement, values));
        if (inserted == events.size()) {
            return ids;
        }
        List<Object> lookup = new ArrayList<>(ids.size() + 1);
        lookup.add(token);
        lookup.addAll(ids);
        Set<String> insertedHere = new HashSet<>(jdbc.queryForList(lookupHead + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")",
                String.class, lookup.toArray()));
        return ids.stream().filter(insertedHere::contains).toList();
    }

    /**
     * Binds the values with the setter of their type where there is one: a batch binds thousands of them, and the
     * generic path (setObject) makes the driver search its codecs for each.
     */
    private static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
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
