package com.example.learning.adapter.in.admin;

import com.example.learning.adapter.in.kafka.DeadLetterReplay;
import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * The operator's way to replay dead letters: {@code POST /actuator/dltreplay} with a JSON body
 * {@code {"topic": "...", "key": "...", "from": "2026-01-01T10:00:00Z", "to": "..."}} (key, from and to
 * optional; from/to select by when a record was dead-lettered). Answers how many records were sent back.
 */
@Component
@Endpoint(id = "dltreplay")
public class DeadLetterReplayEndpoint {
    private final DeadLetterReplay replay;

    public DeadLetterReplayEndpoint(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @WriteOperation
    public Map<String, Object> replay(String topic, @Nullable String key, @Nullable String from, @Nullable String to, SecurityContext security) {
        Principal principal = security.getPrincipal();
        String operator = principal == null ? "anonymous" : principal.getName();
        int replayed = replay.replay(new DeadLetterReplay.Selection(topic, key, instant("from", from), instant("to", to)), operator);
        return Map.of("topic", topic, "replayed", replayed, "by", operator);
    }

    private static @Nullable Instant instant(String name, @Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' is '" + text + "' (expected an ISO-8601 instant such as 2026-01-01T10:00:00Z)", e);
        }
    }
}
