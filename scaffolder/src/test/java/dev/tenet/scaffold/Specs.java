package dev.tenet.scaffold;

import dev.tenet.scaffold.spec.PipelineSpec;
import dev.tenet.scaffold.spec.SpecParser;

/** Specs shared by the tests. */
final class Specs {
    /** PostgreSQL with every optional feature: Redis idempotency, the tiered local + Redis cache and a partner API. */
    static final String FULL_FEATURED = """
            service: course-ledger
            package: org.acme.ledger
            database: postgres
            partitions: 4
            aggregate:
              name: CourseCredit
              key: learnerId
              total: credits
            consumers:
              - topic: courses.completed
                event: CourseCompleted
                key: learnerId
                amount: credits
                fields:
                  eventId: string
                  learnerId: string
                  courseId: string
                  credits: long
                  grade: decimal
                  passed: boolean
                  completedAt: instant
            publishes:
              topic: courses.credit-changed
              event: CreditChanged
            idempotency:
              store: redis
              ttl: 3d
            retry:
              attempts: 2
              initialInterval: 100ms
              maxInterval: 1s
            partner:
              name: Registrar
              baseUrl: http://localhost:8089
              path: /learners/{key}
              connectTimeout: 500ms
              readTimeout: 2s
            cache:
              ttl: 10m
              tiered: true
              localTtl: 20s
            """;

    private Specs() {
    }

    static PipelineSpec fullFeatured() {
        return SpecParser.parse(FULL_FEATURED, "full.yaml");
    }
}
