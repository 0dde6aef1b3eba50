package com.acme.learning.adapter.out.outbox;

import com.acme.learning.domain.port.OutboxPort;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Outbox rows, written in the caller's transaction and published later by the relay. */
@Component
public class JdbcOutbox implements OutboxPort {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public JdbcOutbox(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void append(String key, String type, Object payload) {
        try {
            jdbc.update("insert into outbox (message_key, type, payload) values (?, ?, ?)", key, type, json.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + type, e);
        }
    }
}
