package dev.tenet.scaffold.generate;

import dev.tenet.rules.engine.BuildInfo;
import dev.tenet.scaffold.contributor.AccumulatorContributor;
import dev.tenet.scaffold.contributor.AiContributor;
import dev.tenet.scaffold.contributor.ApplicationContributor;
import dev.tenet.scaffold.contributor.BuildContributor;
import dev.tenet.scaffold.contributor.ConsumerContributor;
import dev.tenet.scaffold.contributor.DeadLetterReplayContributor;
import dev.tenet.scaffold.contributor.DomainContributor;
import dev.tenet.scaffold.contributor.EventSchemaContributor;
import dev.tenet.scaffold.contributor.IdempotencyContributor;
import dev.tenet.scaffold.contributor.KafkaInboundContributor;
import dev.tenet.scaffold.contributor.MigrationContributor;
import dev.tenet.scaffold.contributor.OpsContributor;
import dev.tenet.scaffold.contributor.OptionalFeaturesContributor;
import dev.tenet.scaffold.contributor.OutboxContributor;
import dev.tenet.scaffold.contributor.ReadSideContributor;
import dev.tenet.scaffold.contributor.RetentionContributor;
import dev.tenet.scaffold.contributor.TestSupportContributor;
import dev.tenet.scaffold.spec.PipelineSpec;
import dev.tenet.scaffold.spec.SpecWriter;
import dev.tenet.scaffold.template.MustacheRenderer;
import dev.tenet.scaffold.template.TemplateRenderer;
import java.util.List;

/** Runs every contributor over one spec and adds the generation record; nothing touches the disk here. */
public final class ServiceGenerator {
    public static final String SPEC_PATH = ".tenet/pipeline.yaml";

    private final TemplateRenderer renderer;
    private final List<ProjectContributor> contributors;

    public ServiceGenerator() {
        this(new MustacheRenderer(), defaultContributors());
    }

    public ServiceGenerator(TemplateRenderer renderer, List<ProjectContributor> contributors) {
        this.renderer = renderer;
        this.contributors = List.copyOf(contributors);
    }

    public static List<ProjectContributor> defaultContributors() {
        return List.of(new BuildContributor(), new ApplicationContributor(), new DomainContributor(), new AccumulatorContributor(),
                new IdempotencyContributor(), new OutboxContributor(), new RetentionContributor(), new MigrationContributor(), new KafkaInboundContributor(), new DeadLetterReplayContributor(),
                new ConsumerContributor(), new EventSchemaContributor(), new ReadSideContributor(), new OptionalFeaturesContributor(), new TestSupportContributor(),
                new OpsContributor(), new AiContributor());
    }

    /** The renderer of the generator's templates (the outbox upgrade renders one outside any contributor). */
    public TemplateRenderer renderer() {
        return renderer;
    }

    /** All files of the service, including {@code .tenet/pipeline.yaml} and {@code .tenet/generated.json}. */
    public GeneratedFiles generate(PipelineSpec spec) {
        ServiceModel model = new ServiceModel(spec);
        GeneratedFiles files = new GeneratedFiles(renderer);
        for (ProjectContributor contributor : contributors) {
            contributor.contribute(model, files);
        }
        files.text(SPEC_PATH, SpecWriter.write(spec));
        GenerationRecord record = GenerationRecord.of(BuildInfo.version(), rulePack(), files.files());
        files.text(GenerationRecord.PATH, record.toJson());
        return files;
    }

    /** The rule pack generated code is checked against: the built-in rules of this Tenet version. */
    public static String rulePack() {
        return "tenet-builtin@" + BuildInfo.version();
    }
}
