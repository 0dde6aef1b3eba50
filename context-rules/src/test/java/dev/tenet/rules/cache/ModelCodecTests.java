package dev.tenet.rules.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.rules.model.FileModel;
import dev.tenet.rules.model.Hit;
import dev.tenet.rules.model.Step;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCodecTests {

    @Test
    void aHitComesBackWithItsColumnPathAndRelatedSteps() throws IOException {
        Hit hit = new Hit("outbox-dual-write", "src/main/java/com/acme/OrderService.java", 12, 12, "A dual write.", "Use an outbox.",
                "OrderService#record @Transactional dual write", 9,
                List.of(new Step("src/main/java/com/acme/OrderService.java", 12, 9, "calls PaymentPublisher#publish"),
                        new Step("src/main/java/com/acme/PaymentPublisher.java", 20, 9, "publishes to Kafka (kafkaTemplate.send())")),
                List.of(new Step("src/main/java/com/acme/OrderService.java", 11, 9, "writes the database (jdbcTemplate.update())")));
        Hit atOnePlace = new Hit("redis-write-without-ttl", "src/main/java/com/acme/Cache.java", 3, 4, "No TTL.", "", "Cache#put set");
        FileModel model = new FileModel("src/main/java/com/acme/OrderService.java", "com.acme", List.of(), List.of(), List.of(),
                List.of(hit, atOnePlace), List.of(), null, 0);

        assertThat(roundTrip(model)).isEqualTo(model);
        assertThat(roundTrip(model).hits().get(0).path()).hasSize(2);
    }

    private static FileModel roundTrip(FileModel model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            ModelCodec.write(out, model);
        }
        return ModelCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }
}
