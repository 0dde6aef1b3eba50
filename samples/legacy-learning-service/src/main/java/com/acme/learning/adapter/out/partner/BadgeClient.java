package com.acme.learning.adapter.out.partner;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

/** The badge partner, called with a hand-made client. */
@Component
public class BadgeClient {
    private final RestTemplate http = new RestTemplate();

    public void award(String userId, long totalMinutes) {
        http.postForObject("https://badges.partner.example/v1/awards", new Award(userId, totalMinutes), Void.class); // VIOLATION: resilience.http-no-timeout
    }

    record Award(String userId, long totalMinutes) {
    }
}
