package dev.tenet.rules.checks.pipeline;

/**
 * Tells test sources and resources apart: a test's own listeners, sends and settings (an embedded
 * broker, a capturing listener) are not the service's, and findings there would be noise.
 */
final class TestSources {
    private TestSources() {
    }

    static boolean contains(String path) {
        return path.startsWith("src/test/") || path.contains("/src/test/");
    }
}
