package dev.tenet.mcp.resources;

import dev.tenet.scaffold.template.Templates;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code tenet://templates} (the index) and {@code tenet://templates/{name}} (one of the scaffolder's
 * event-pipeline templates), with completion of {@code name}. Names contain {@code /}, which a
 * client percent-encodes when it expands the template ({@code java%2Fadapter%2FListener.java.mustache}).
 */
public final class TemplateResources {
    public static final String INDEX = "tenet://templates";
    public static final String TEMPLATE = "tenet://templates/{name}";
    private static final String PREFIX = "tenet://templates/";

    public McpServerFeatures.SyncResourceSpecification index() {
        McpSchema.Resource resource = McpSchema.Resource.builder().uri(INDEX).name("templates").title("Event-pipeline templates")
                .description("The scaffolder's templates for a Kafka consumer service, with their URIs")
                .mimeType(ResourceTexts.MARKDOWN).build();
        return new McpServerFeatures.SyncResourceSpecification(resource,
                (exchange, request) -> ResourceTexts.text(INDEX, ResourceTexts.MARKDOWN, indexText()));
    }

    public McpServerFeatures.SyncResourceTemplateSpecification template() {
        McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder().uriTemplate(TEMPLATE).name("template")
                .title("One template").description("A logic-less (Mustache) template of the event-pipeline scaffold")
                .mimeType("text/plain").build();
        return new McpServerFeatures.SyncResourceTemplateSpecification(template, (exchange, request) -> {
            String name = ResourceTexts.variable(request.uri(), PREFIX);
            if (!Templates.list().contains(name)) {
                throw ResourceTexts.notFound(request.uri(), "no template '" + name + "' (see " + INDEX + ")");
            }
            return ResourceTexts.text(request.uri(), "text/plain", Templates.read(name));
        });
    }

    public McpServerFeatures.SyncCompletionSpecification nameCompletion() {
        return new McpServerFeatures.SyncCompletionSpecification(new McpSchema.ResourceReference(TEMPLATE),
                (exchange, request) -> Completions.of(Templates.list(), request.argument().value()));
    }

    /** The URI of one template. */
    public static String uri(String name) {
        return PREFIX + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private static String indexText() {
        StringBuilder text = new StringBuilder("# Event-pipeline templates\n\n"
                + "The files `tenet new` renders into a Kafka consumer service (Mustache, values computed by the scaffolder).\n\n");
        for (String name : Templates.list()) {
            text.append("- [").append(name).append("](").append(uri(name)).append(")\n");
        }
        return text.toString();
    }
}
