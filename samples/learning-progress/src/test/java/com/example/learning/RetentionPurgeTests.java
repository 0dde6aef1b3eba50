package com.example.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.learning.adapter.out.persistence.LectureWatchedRetention;
import com.example.learning.adapter.out.persistence.RetainedTable;
import com.example.learning.adapter.out.persistence.RetentionPurge;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention purge against the real MariaDB/MySQL schema: rows past their table's retention go, in batches
 * (the tests' batch size is smaller than the rows aged here), and rows within it stay. The scheduled purge is off in
 * the tests; each test purges explicitly.
 */
class RetentionPurgeTests extends IntegrationTest {
    private static final String TOPIC = "learning.lecture-watched";
    private static final String AGE_SQL = "UPDATE %1$s SET %2$s = TIMESTAMPADD(MICROSECOND, -?, UTC_TIMESTAMP(6)) WHERE %3$s = ?";
    private static final Duration DAY = Duration.ofDays(1);

    @Autowired
    private RetentionPurge purge;
    @Autowired
    private LectureWatchedRetention events;
    @Autowired
    private TransactionTemplate transaction;
    @Autowired
    private NamedParameterJdbcTemplate namedJdbc;

    @Test
    void storedEventsPastTheirRetentionArePurgedAndRecentOnesKept() {
        List<String> ids = consumeEvents(5);
        ids.subList(0, 4).forEach(id -> age(events, "event_id", id, events.retention().plus(DAY)));
        age(events, "event_id", ids.get(4), events.retention().minus(DAY));

        assertThat(purge.purge(events)).isEqualTo(4);
        assertThat(remaining(events, "event_id", ids)).containsExactly(ids.get(4));
        assertThat(purge.purge(events)).isZero();
    }

    @Test
    void aStoredEventIsTheDedupRecordUntilItsRetentionEnds() {
        String key = newKey();
        String id = consumeEvents(key, 1).get(0);
        age(events, "event_id", id, events.retention().minus(DAY));
        assertThat(purge.purge(events)).isZero();

        send(TOPIC, key, LectureWatchedJson.of(id, key, 1));
        String marker = newEventId();
        send(TOPIC, key, LectureWatchedJson.of(marker, key, 1));
        eventually("the event sent after the redelivery stored", () -> remaining(events, "event_id", List.of(marker)).size() == 1);
        assertThat(total(key)).as("the redelivered event skipped, the one after it applied").isEqualTo(2);
    }

    @Test
    void everyConnectionRunsInUtcSoDatetimeColumnsHoldUtc() {
        assertThat(jdbc.queryForObject("SELECT @@session.time_zone", String.class)).isIn("+00:00", "UTC");
        assertThat(jdbc.queryForObject("SELECT TIMESTAMPDIFF(SECOND, CURRENT_TIMESTAMP(6), UTC_TIMESTAMP(6))", Long.class)).isZero();
    }

    private List<String> consumeEvents(int count) {
        return consumeEvents(newKey(), count);
    }

    private List<String> consumeEvents(String key, int count) {
        List<String> ids = IntStream.range(0, count).mapToObj(i -> newEventId()).toList();
        ids.forEach(id -> send(TOPIC, key, LectureWatchedJson.of(id, key, 1)));
        eventually(count + " events applied", () -> total(key) == count);
        return ids;
    }

    private void age(RetainedTable table, String idColumn, String id, Duration age) {
        int updated = transaction.execute(status -> jdbc.update(AGE_SQL.formatted(table.table(), table.timeColumn(), idColumn),
                age.toNanos() / 1_000, id));
        assertThat(updated).as("rows of %s aged", id).isEqualTo(1);
    }

    private List<String> remaining(RetainedTable table, String idColumn, List<String> ids) {
        return namedJdbc.queryForList("SELECT " + idColumn + " FROM " + table.table() + " WHERE " + idColumn + " IN (:ids)",
                Map.of("ids", ids), String.class);
    }
}
