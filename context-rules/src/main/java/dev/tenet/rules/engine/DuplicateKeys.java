package dev.tenet.rules.engine;

import java.util.Set;

/** The exceptions of a duplicate key, shared by the dedup guard (engine) and the swallowed-exception check. */
public final class DuplicateKeys {
    /** Exceptions a write throws when the row exists already: catching one is how an insert-first dedup works. */
    public static final Set<String> EXCEPTIONS = Set.of("org.springframework.dao.DuplicateKeyException",
            "org.springframework.dao.DataIntegrityViolationException", "java.sql.SQLIntegrityConstraintViolationException",
            "org.hibernate.exception.ConstraintViolationException", "jakarta.persistence.EntityExistsException",
            "javax.persistence.EntityExistsException");

    private DuplicateKeys() {
    }
}
