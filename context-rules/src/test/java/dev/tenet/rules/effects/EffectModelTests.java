package dev.tenet.rules.effects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped effect model is consistent data: every type it names is one it lists, and lookups follow its supertypes. */
class EffectModelTests {
    private final EffectModel model = EffectModel.builtIn();

    @Test
    void everySupertypeAndReturnedTypeIsListed() {
        for (String type : model.types()) {
            assertThat(model.supertypesOf(type)).as("supertypes of %s", type).allSatisfy(s -> assertThat(model.knows(s)).isTrue());
        }
        List<String> returned = model.types().stream()
                .flatMap(type -> List.of("*", "opsForValue", "get", "post", "sql", "retrieve", "build", "create", "newCall", "getBucket")
                        .stream().map(m -> model.lookup(type, m, -1)))
                .flatMap(java.util.Optional::stream).map(MethodEffects::returns).filter(java.util.Objects::nonNull).toList();
        assertThat(returned).isNotEmpty();
        assertThat(returned.stream().filter(type -> !model.knows(type)).distinct()).as("returned types the model does not list").isEmpty();
    }

    @Test
    void lookupsFollowSupertypesAndPreferAnExactArity() {
        assertThat(model.lookup("org.springframework.kafka.core.KafkaTemplate", "send", 3)).get()
                .extracting(MethodEffects::effects).asList().containsExactly("kafka-send");
        assertThat(model.lookup("java.util.concurrent.CompletableFuture", "get", 0)).get()
                .extracting(MethodEffects::effects).asList().containsExactly("wait");
        assertThat(model.lookup("java.util.concurrent.CompletableFuture", "get", 2)).isEmpty();
        assertThat(model.lookup("org.springframework.web.client.RestClient.RequestSpec", "uri", 1)).get()
                .extracting(MethodEffects::returns).isEqualTo("org.springframework.web.client.RestClient.RequestSpec");
        assertThat(model.lookup("com.acme.KafkaTemplate", "send", 2)).isEmpty();
    }

    @Test
    void sqlTellsReadsIdempotentWritesAndRepeatingWrites() {
        assertThat(SqlStatements.classify("select * from t where id = ?")).isEqualTo(SqlStatements.Kind.READ);
        assertThat(SqlStatements.classify("INSERT IGNORE INTO processed_event (id) VALUES (?)"))
                .isEqualTo(SqlStatements.Kind.IDEMPOTENT_WRITE);
        assertThat(SqlStatements.classify("insert into e (id) values (?) on conflict (id) do nothing"))
                .isEqualTo(SqlStatements.Kind.IDEMPOTENT_WRITE);
        assertThat(SqlStatements.classify("UPDATE payment SET status = 'DONE' WHERE id = ?")).isEqualTo(SqlStatements.Kind.IDEMPOTENT_WRITE);
        assertThat(SqlStatements.classify("UPDATE t SET minutes = minutes + ? WHERE user_id = ?")).isEqualTo(SqlStatements.Kind.WRITE);
        assertThat(SqlStatements.classify("update Progress p set p.minutes = p.minutes + :m where p.userId = :u"))
                .isEqualTo(SqlStatements.Kind.WRITE);
        assertThat(SqlStatements.classify("insert into t (a) values (?) on duplicate key update total = total + values(total)"))
                .isEqualTo(SqlStatements.Kind.WRITE);
        assertThat(SqlStatements.classify("INSERT INTO activity (user_id) VALUES (?)")).isEqualTo(SqlStatements.Kind.WRITE);
        assertThat(SqlStatements.classify("DELETE FROM t WHERE id = ?")).isEqualTo(SqlStatements.Kind.IDEMPOTENT_WRITE);
        assertThat(SqlStatements.classify("-- a comment\nWITH x AS (SELECT 1) SELECT * FROM x")).isEqualTo(SqlStatements.Kind.READ);
        assertThat(SqlStatements.classify(null)).isEqualTo(SqlStatements.Kind.UNKNOWN);
    }
}
