package com.example.learning.adapter.out.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;

@ExtendWith(OutputCaptureExtension.class)
class OutboxRelaySchedulerTests {

    @Test
    void anOutageIsLoggedOnceWhenItStartsAndOnceWhenItPassesNotAtEveryTick(CapturedOutput output) {
        OutboxRelay relay = mock(OutboxRelay.class);
        when(relay.drain())
                .thenThrow(new DataAccessResourceFailureException("database down"))
                .thenThrow(new DataAccessResourceFailureException("database down"))
                .thenThrow(new DataAccessResourceFailureException("database down"))
                .thenReturn(2)
                .thenThrow(new DataAccessResourceFailureException("database down again"))
                .thenReturn(0);
        OutboxRelayScheduler scheduler = new OutboxRelayScheduler(relay, Duration.ofMillis(50));

        for (int tick = 0; tick < 6; tick++) {
            scheduler.drain();
        }

        assertThat(output.getOut().lines().filter(line -> line.contains("Outbox relay cannot publish: database down"))).hasSize(2);
        assertThat(output.getOut().lines().filter(line -> line.contains("Outbox relay publishes again"))).hasSize(2);
        assertThat(output.getOut()).contains("failed drains: 3").contains("failed drains: 1");
    }
}
