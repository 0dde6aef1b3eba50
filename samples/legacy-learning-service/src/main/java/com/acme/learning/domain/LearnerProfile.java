package com.acme.learning.domain;

import com.fasterxml.jackson.annotation.JsonProperty; // VIOLATION: layering.domain-no-framework

/** A learner as the business sees it. */
public class LearnerProfile {
    @JsonProperty("user_id")
    private final String userId;
    private final String displayName;

    public LearnerProfile(String userId, String displayName) {
        this.userId = userId;
        this.displayName = displayName;
    }

    public String userId() {
        return userId;
    }

    public String displayName() {
        return displayName;
    }
}
