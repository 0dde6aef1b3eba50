#!/usr/bin/env python3
"""Turns a service generated from samples/learning-progress.yaml (MariaDB) into the event-table-as-dedup experiment:
LectureWatched events are claimed by inserting them into lecture_watched itself (INSERT IGNORE, with a claim token to
find this claim's rows after a redelivery), instead of a processed_event claim followed by the insert. The other
consumers are left as generated; only lecture-watched is measured. A bench aid, not what Tenet generates."""
import sys
from pathlib import Path

svc = Path(sys.argv[1])
base = svc / "src/main/java/com/example/learning"


def edit(path, old, new):
    text = path.read_text()
    if old not in text:
        sys.exit(f"{path}: expected text not found; was the service generated from samples/learning-progress.yaml?")
    path.write_text(text.replace(old, new, 1))


edit(base / "domain/port/LectureWatchedStore.java", "    void saveAll(List<LectureWatched> events);", """    void saveAll(List<LectureWatched> events);

    /** Stores the events whose ids are not stored yet (first occurrence in a batch) and returns their ids. */
    java.util.Set<String> saveNew(List<LectureWatched> events);""")

store = base / "adapter/out/persistence/JdbcLectureWatchedStore.java"
text = store.read_text().rstrip()
store.write_text(text[:-1] + """
    @Override
    public java.util.Set<String> saveNew(List<LectureWatched> events) {
        java.util.Map<String, LectureWatched> firsts = new java.util.LinkedHashMap<>();
        events.forEach(e -> firsts.putIfAbsent(e.eventId(), e));
        long token = java.util.concurrent.ThreadLocalRandom.current().nextLong();
        List<Object> values = new java.util.ArrayList<>(firsts.size() * 6);
        for (LectureWatched e : firsts.values()) {
            values.add(e.eventId()); values.add(e.userId()); values.add(e.lectureId()); values.add(e.minutes());
            values.add(java.sql.Timestamp.from(e.watchedAt())); values.add(token);
        }
        int inserted = jdbc.update("INSERT IGNORE INTO lecture_watched (event_id, user_id, lecture_id, minutes, watched_at, claim_token) VALUES "
                + String.join(", ", java.util.Collections.nCopies(firsts.size(), "(?, ?, ?, ?, ?, ?)")), values.toArray());
        if (inserted == firsts.size()) {
            return firsts.keySet();
        }
        List<Object> lookup = new java.util.ArrayList<>();
        lookup.add(token);
        lookup.addAll(firsts.keySet());
        return new java.util.HashSet<>(jdbc.queryForList("SELECT event_id FROM lecture_watched WHERE claim_token = ? AND event_id IN ("
                + String.join(", ", java.util.Collections.nCopies(firsts.size(), "?")) + ")", String.class, lookup.toArray()));
    }
}
""")

edit(base / "application/RecordLectureWatched.java",
     """        Set<String> fresh = new HashSet<>(processedEvents.claim(CONSUMER, batch.stream().map(LectureWatched::eventId).toList()));
        List<LectureWatched> applied = batch.stream().filter(e -> fresh.remove(e.eventId())).toList();
        events.saveAll(applied);""",
     """        Set<String> fresh = new HashSet<>(events.saveNew(batch));
        List<LectureWatched> applied = batch.stream().filter(e -> fresh.remove(e.eventId())).toList();""")

edit(svc / "src/main/resources/db/migration/V2__lecture_watched.sql",
     "    consumed_at DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6))",
     "    consumed_at DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),\n    claim_token BIGINT NOT NULL DEFAULT 0")
print(f"event-table dedup applied to {svc}")
