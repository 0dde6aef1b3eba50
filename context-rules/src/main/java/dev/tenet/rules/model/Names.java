package dev.tenet.rules.model;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared copy of the names the models repeat from file to file (types, methods, annotations, receivers).
 * A codebase's models stay live until its check ends, and the collector copies every live duplicate at each
 * young collection; on a 3,000-file codebase the duplicates were most of what it copied. This is only a
 * de-duplicating cache: it forgets everything once it holds {@value #LIMIT} names, so a long-running server
 * checking many codebases never grows it without bound.
 */
final class Names {
    private static final int LIMIT = 250_000;
    private static final ConcurrentHashMap<String, String> SHARED = new ConcurrentHashMap<>();

    private Names() {
    }

    static String of(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        String shared = SHARED.putIfAbsent(name, name);
        if (shared != null) {
            return shared;
        }
        if (SHARED.size() > LIMIT) {
            SHARED.clear();
        }
        return name;
    }

    static List<String> of(List<String> names) {
        return names.stream().map(Names::of).toList();
    }
}
