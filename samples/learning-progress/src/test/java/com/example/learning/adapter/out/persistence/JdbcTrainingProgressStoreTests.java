package com.example.learning.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.example.learning.IntegrationTest;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The totals' upsert against the real MariaDB/MySQL: it adds a batch's amounts and returns every key's new total,
 * which the outbox's events carry, whether the upsert returns them (MariaDB) or they are read after it (MySQL's
 * form, which runs on MariaDB too).
 */
class JdbcTrainingProgressStoreTests extends IntegrationTest {
    @Autowired
    private NamedParameterJdbcTemplate named;
    @Autowired
    private TransactionTemplate transaction;

    @ParameterizedTest(name = "upsert returning the totals: {0}")
    @ValueSource(booleans = {true, false})
    void addsToKnownAndNewKeysAndReturnsTheirNewTotals(boolean returning) {
        JdbcTrainingProgressStore store = store(returning);
        String known = newKey();
        String fresh = newKey();
        add(store, Map.of(known, 5L));

        assertThat(add(store, Map.of(known, 3L, fresh, 4L))).containsOnly(entry(known, 8L), entry(fresh, 4L));
        assertThat(total(known)).isEqualTo(8);
        assertThat(total(fresh)).isEqualTo(4);
    }

    @ParameterizedTest(name = "upsert returning the totals: {0}")
    @ValueSource(booleans = {true, false})
    void aBatchOfMoreKeysThanOneStatementTakesReturnsEveryNewTotal(boolean returning) {
        JdbcTrainingProgressStore store = store(returning);
        Map<String, Long> amounts = IntStream.range(0, 2_500).boxed().collect(Collectors.toMap(i -> newKey(), i -> (long) i + 1));
        add(store, amounts);

        Map<String, Long> doubled = amounts.keySet().stream().collect(Collectors.toMap(Function.identity(), key -> 2 * amounts.get(key)));
        assertThat(add(store, amounts)).isEqualTo(doubled);
    }

    private Map<String, Long> add(JdbcTrainingProgressStore store, Map<String, Long> amounts) {
        return transaction.execute(status -> store.add(amounts));
    }

    /** The store with the upsert's form chosen, not taken from the server the tests run on. */
    private JdbcTrainingProgressStore store(boolean returning) {
        return new JdbcTrainingProgressStore(named) {
            @Override
            boolean returning() {
                return returning;
            }
        };
    }
}
