package dev.tenet.scaffold;

import dev.tenet.scaffold.spec.ConsumerSpec;
import dev.tenet.scaffold.spec.PipelineSpec;
import dev.tenet.scaffold.spec.SpecParser;

/** The consumer the upgrade tests add to the sample service with {@code add consumer}. */
final class CourseCompletedConsumer {
    private CourseCompletedConsumer() {
    }

    static ConsumerSpec addedTo(PipelineSpec spec) {
        return SpecParser.parseConsumer("""
                topic: learning.course-completed
                event: CourseCompleted
                amount: bonusMinutes
                fields:
                  eventId: string
                  userId: string
                  courseId: string
                  bonusMinutes: long
                  completedAt: instant
                """, "added.yaml", spec);
    }
}
