package com.example.learning.adapter.out.persistence;

import com.example.learning.domain.port.ProcessedEvents;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The processed-events table: an event id is inserted in the same transaction as its effect, so
 * the effect and the record of it commit or roll back together. The primary key refuses a second
 * insert of an id even from a consumer that lost its partition mid-batch.
 *
 * <p>A batch is claimed with one multi-row insert that skips the ids already present. When every
 * row went in (the usual case) that single statement is the whole claim; when some were skipped
 * (a redelivery), the rows this claim wrote are found again by the random token they carry.
 */
@Repository
public class JdbcProcessedEvents implements ProcessedEvents {
    private static final int ROWS_PER_STATEMENT = 1000;

    private final JdbcTemplate jdbc;

    public JdbcProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> claim(String consumer, Collection<String> eventIds) {
        // The event records refuse ids wider than the column, which MySQL's INSERT IGNORE would cut silently.
        List<String> ids = List.copyOf(new LinkedHashSet<>(eventIds));
        Set<String> fresh = new LinkedHashSet<>();
        for (int from = 0; from < ids.size(); from += ROWS_PER_STATEMENT) {
            fresh.addAll(claimChunk(consumer, ids.subList(from, Math.min(ids.size(), from + ROWS_PER_STATEMENT))));
        }
        return fresh;
    }

    private List<String> claimChunk(String consumer, List<String> ids) {
        long token = ThreadLocalRandom.current().nextLong();
        Object[] rows = new Object[ids.size() * 3];
        for (int i = 0; i < ids.size(); i++) {
            rows[3 * i] = consumer;
            rows[3 * i + 1] = ids.get(i);
            rows[3 * i + 2] = token;
        }
        int inserted = jdbc.update("INSERT IGNORE INTO processed_event (consumer, event_id, claim_token) VALUES " + placeholders(ids.size(), "(?, ?, ?)") + "", rows);
        if (inserted == ids.size()) {
            return ids;
        }
        List<Object> lookup = new ArrayList<>(ids.size() + 2);
        lookup.add(consumer);
        lookup.add(token);
        lookup.addAll(ids);
        Set<String> claimedHere = new HashSet<>(jdbc.queryForList(
                "SELECT event_id FROM processed_event WHERE consumer = ? AND claim_token = ? AND event_id IN ("
                        + placeholders(ids.size(), "?") + ")", String.class, lookup.toArray()));
        return ids.stream().filter(claimedHere::contains).toList();
    }

    private static String placeholders(int count, String each) {
        return String.join(", ", Collections.nCopies(count, each));
    }
}
