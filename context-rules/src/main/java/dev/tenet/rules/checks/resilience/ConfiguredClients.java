package dev.tenet.rules.checks.resilience;

import dev.tenet.rules.engine.Project;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which HTTP client types the codebase configures with timeouts where it builds them (beans and
 * factory methods, followed through the builders and factories they take, plus Spring Boot's
 * {@code spring.http.*timeout} properties), and which beans it builds without.
 */
final class ConfiguredClients {
    static final String BUILDER = "builder";
    static final String BEAN = "bean";
    static final String TIMEOUTS = "timeouts";

    private record Builder(String type, boolean bean, boolean timeouts, List<String> inputs, String owner, String path) {
    }

    private final Set<String> configured = new HashSet<>();
    private final Map<String, List<Builder>> unconfiguredBeans = new LinkedHashMap<>();

    ConfiguredClients(Project project, String checkId) {
        List<Builder> builders = new ArrayList<>();
        for (Project.FactEntry entry : project.facts(checkId)) {
            if (entry.fact().kind().equals(BUILDER)) {
                String[] parts = entry.fact().detail().split("\\|", -1);
                builders.add(new Builder(entry.fact().subject(), parts[0].equals(BEAN), parts[1].equals(TIMEOUTS),
                        parts[2].isEmpty() ? List.of() : List.of(parts[2].split(",")), entry.fact().owner(), entry.file().path()));
            }
        }
        boolean timeoutProperty = project.properties().stream()
                .anyMatch(p -> p.key().startsWith("spring.http.") && p.key().toLowerCase(Locale.ROOT).contains("timeout"));
        if (timeoutProperty) {
            configured.addAll(HttpClientTypes.AUTO_BUILDERS);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Builder builder : builders) {
                if (!configured.contains(builder.type()) && (builder.timeouts() || builder.inputs().stream().anyMatch(configured::contains))) {
                    configured.add(builder.type());
                    configured.addAll(HttpClientTypes.CONFIGURES.getOrDefault(builder.type(), List.of()));
                    changed = true;
                }
            }
        }
        for (Builder builder : builders) {
            if (builder.bean() && !configured.contains(builder.type())) {
                unconfiguredBeans.computeIfAbsent(builder.type(), k -> new ArrayList<>()).add(builder);
            }
        }
    }

    /** True when some place in the codebase builds this type with timeouts (or properties configure it). */
    boolean configured(String type) {
        return configured.contains(type);
    }

    /** True when the codebase declares beans of this type and none of them (nor anything else) sets timeouts. */
    boolean onlyUnconfiguredBeans(String type) {
        return !configured.contains(type) && unconfiguredBeans.containsKey(type);
    }

    /**
     * The {@code Type#method} of the bean of this type built without timeouts that is closest to
     * {@code path} (in a repository of several services, the one of the same service).
     */
    String nearestUnconfiguredBean(String type, String path) {
        return unconfiguredBeans.getOrDefault(type, List.of()).stream()
                .max(Comparator.comparingInt((Builder b) -> commonPrefix(b.path(), path)))
                .map(Builder::owner).orElse("");
    }

    private static int commonPrefix(String a, String b) {
        int length = 0;
        while (length < a.length() && length < b.length() && a.charAt(length) == b.charAt(length)) {
            length++;
        }
        return length;
    }
}
