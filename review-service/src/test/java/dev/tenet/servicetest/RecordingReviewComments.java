package dev.tenet.servicetest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.service.webhook.ReviewCommentListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A {@link ReviewCommentListener} bean that records what it is handed (outside the scanned package: added per test). */
@Configuration(proxyBeanMethods = false)
public class RecordingReviewComments {
    public static final List<JsonNode> RECEIVED = new CopyOnWriteArrayList<>();

    @Bean
    ReviewCommentListener recordingListener() {
        return (delivery, payload) -> RECEIVED.add(payload);
    }
}
