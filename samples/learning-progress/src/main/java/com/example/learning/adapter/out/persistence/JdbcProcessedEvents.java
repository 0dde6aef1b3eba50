package com.example.learning.adapter.out.persistence;

import com.example.learning.domain.port.ProcessedEvents;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The processed-events table: an event id is inserted in the same transaction as its effect, so
 * the effect and the record of it commit or roll back together. The primary key refuses a second
 * insert of an id even from a consumer that lost its partition mid-batch.
 */
@Repository
public class JdbcProcessedEvents implements ProcessedEvents {
    private final NamedParameterJdbcTemplate jdbc;

    public JdbcProcessedEvents(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> claim(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        Set<String> seen = new HashSet<>(jdbc.queryForList(
                "SELECT event_id FROM processed_event WHERE consumer = :consumer AND event_id IN (:ids)",
                Map.of("consumer", consumer, "ids", List.copyOf(new LinkedHashSet<>(eventIds))), String.class));
        Set<String> fresh = new LinkedHashSet<>();
        for (String id : eventIds) {
            if (!seen.contains(id)) {
                fresh.add(id);
            }
        }
        jdbc.batchUpdate("INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :id)",
                fresh.stream().map(id -> new MapSqlParameterSource("consumer", consumer).addValue("id", id))
                        .toArray(MapSqlParameterSource[]::new));
        return fresh;
    }
}
