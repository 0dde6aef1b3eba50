package dev.tenet.rules.engine;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.comments.Comment;
import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.cache.FileStamps;
import dev.tenet.rules.cache.ScanCache;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.config.TenetConfig;
import dev.tenet.rules.finding.Finding;
import dev.tenet.rules.layout.LayoutConvention;
import dev.tenet.rules.model.Fact;
import dev.tenet.rules.model.FileModel;
import dev.tenet.rules.model.Hit;
import dev.tenet.rules.schema.EventSchema;
import dev.tenet.rules.schema.SchemaReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks a tree: parses each Java file once, runs every enabled check's phase one over that one
 * tree (in parallel across files, trees dropped right after), then runs phase two over the models
 * of the whole codebase, and turns hits into findings.
 */
public final class Engine {
    /**
     * The largest Java file the engine parses. Parsing is linear, but a tree costs time and memory in
     * proportion to its file (about 2 s of CPU and 150 MB per MB of source, {@code bench/comments.sh});
     * handwritten files stay far below this size, and a file above it is nearly always generated. Such
     * a file is not parsed and is reported as a {@code tenet.parse-error} finding, so its silence is
     * never read as clean; excluding it in {@code .tenet/config.yml} is the deliberate way out.
     */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    /** Progress of phase one: files done out of the total. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);

        Progress NONE = (done, total) -> { };
    }

    /**
     * What a run produced.
     *
     * @param findings     findings after configuration and suppressions, sorted by file and line
     * @param filesChecked number of Java files
     * @param fromCache    how many of them came from the scan cache
     * @param files        every file's model
     * @param notices      what the run could not do and the user should know, once each (e.g. layers not configured)
     */
    public record Result(List<Finding> findings, int filesChecked, int fromCache, List<FileModel> files, List<String> notices) {
        public Result {
            notices = List.copyOf(notices);
        }

        /** Call chains in the checked files. */
        public int calls() {
            return files.stream().mapToInt(FileModel::calls).sum();
        }

        /** Call chains whose receiver's type could not be told (they have no effect). */
        public int unresolvedCalls() {
            return files.stream().mapToInt(FileModel::unresolvedCalls).sum();
        }
    }

    /** The notice given when layering rules stay silent: layers neither configured nor recognised from the layout. */
    public static final String LAYERS_NOT_CONFIGURED = "Layering rules were not run: layers are not configured in "
            + ".tenet/config.yml and the package layout is not one Tenet recognises (%s). Run 'tenet init' to propose a configuration.";

    private final Supplier<RuleCatalog> catalog;
    private final List<Check> checks;
    private final CheckPrefilters prefilters;
    private final int parallelism;

    public Engine(RuleCatalog catalog, List<Check> checks, int parallelism) {
        this(() -> catalog, checks, parallelism);
    }

    /**
     * @param catalog the rules, asked for only when phase two starts: a caller may still be loading them while the
     *                files are parsed
     */
    public Engine(Supplier<RuleCatalog> catalog, List<Check> checks, int parallelism) {
        this.catalog = catalog;
        this.checks = List.copyOf(checks);
        this.prefilters = new CheckPrefilters(this.checks);
        this.parallelism = Math.max(1, parallelism);
    }

    public Engine(RuleCatalog catalog, List<Check> checks) {
        this(catalog, checks, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param root     the directory (or single file) to check
     * @param config   the repository's configuration
     * @param cache    where phase-one results are kept between runs
     * @param progress told as files are done
     */
    public Result check(Path root, TenetConfig config, ScanCache cache, Progress progress) {
        Path base = root.toAbsolutePath().normalize();
        if (Files.isRegularFile(base)) {
            SourceTree.requireJava(base);
            return checkFile(base, config, cache, progress);
        }
        return check(base, SourceTree.scan(base, config), config, cache, progress);
    }

    /**
     * Checks a directory whose files were listed before ({@link SourceTree#scan} of the same directory and
     * configuration): for a caller that keeps the listing while the tree's folders do not change.
     *
     * @param root the directory the tree was scanned from
     * @param tree its files
     */
    public Result check(Path root, SourceTree tree, TenetConfig config, ScanCache cache, Progress progress) {
        Path base = root.toAbsolutePath().normalize();
        List<Path> javaFiles = tree.javaFiles();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger cached = new AtomicInteger();
        boolean[] inTree = new boolean[checks.size()];
        List<String> applying = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            inTree[i] = checks.get(i).appliesTo(tree);
            if (inTree[i]) {
                applying.add(checks.get(i).id());
            }
        }
        String salt = BuildInfo.version() + "|" + BuildInfo.build() + "|" + String.join(",", applying);

        FileStamps stamps = cache.stamps(base, salt);
        List<FileModel> models = runParallel(() -> javaFiles.parallelStream().map(file -> {
            FileModel model = scanFile(base, file, cache, stamps, salt, inTree, cached);
            progress.update(done.incrementAndGet(), javaFiles.size());
            return model;
        }).toList());
        stamps.save();

        List<PropertyEntry> properties = new ArrayList<>();
        for (Path file : tree.propertyFiles()) {
            properties.addAll(PropertyReader.read(base, file));
        }
        List<EventSchema> schemas = new ArrayList<>();
        for (Path file : tree.schemaFiles()) {
            schemas.add(SchemaReader.read(SourceTree.relative(base, file), file));
        }
        FindingFactory factory = new FindingFactory(catalog.get(), config, models);
        List<String> notices = new ArrayList<>();
        TenetConfig effective = config;
        if (!config.layersExplicit()) {
            LayoutConvention layout = LayoutConvention.of(models, tree.modules()::moduleOf);
            effective = config.withFoundLayers(layout.layers());
            boolean layerChecks = checks.stream().anyMatch(c -> c.usesLayers() && factory.isEnabled(c.id()));
            if (!layout.recognised() && layerChecks) {
                notices.add(String.format(LAYERS_NOT_CONFIGURED, layout.problem()));
            }
        }
        Project project = new Project(effective, models, properties, schemas, tree.modules());
        LayerValidator.validate(project);
        DeclaredEffectsValidator.validate(project);
        List<Project> scopes = project.byService(BuildServices.of(base, tree.modules(), tree.buildFiles()));

        List<Hit> hits = new ArrayList<>();
        for (FileModel model : models) {
            hits.addAll(model.hits());
        }
        // A library shared by two services is judged from each: the same hit from both is one finding.
        Set<Hit> fromEarlierScopes = new HashSet<>();
        List<Check> enabled = checks.stream().filter(check -> factory.isEnabled(check.id())).toList();
        for (Project scope : scopes) {
            // Checks judge a scope independently (the project's shared indexes are thread-safe); hits keep the checks' order.
            List<String> told = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Hit> own = runParallel(() -> enabled.parallelStream().map(check -> {
                List<Hit> found = new ArrayList<>();
                List<String> said = new ArrayList<>();
                check.finish(scope, new HitSink(check.id(), found, said));
                told.addAll(said);
                return found;
            }).flatMap(List::stream).toList());
            told.stream().sorted().filter(n -> !notices.contains(n)).forEach(notices::add);
            own.stream().filter(hit -> !fromEarlierScopes.contains(hit)).forEach(hits::add);
            fromEarlierScopes.addAll(own);
        }
        List<Finding> findings = factory.findings(hits);
        return new Result(findings, javaFiles.size(), cached.get(), models, notices);
    }

    /**
     * A single file is checked in the context of its enclosing build module (widened to the build
     * aggregating it, see {@link BuildModules#rootOf}): that folder is checked and only the file's
     * findings are kept, so it gets the findings a folder check gives it.
     */
    private Result checkFile(Path file, TenetConfig config, ScanCache cache, Progress progress) {
        Path moduleRoot = BuildModules.rootOf(file);
        Result module = check(moduleRoot, config, cache, progress);
        String relative = SourceTree.relative(moduleRoot, file);
        List<Finding> own = module.findings().stream().filter(f -> f.file().equals(relative)).toList();
        List<FileModel> models = module.files().stream().filter(m -> m.path().equals(relative)).toList();
        return new Result(own, models.size(), module.fromCache(), models, module.notices());
    }

    private FileModel scanFile(Path root, Path file, ScanCache cache, FileStamps stamps, String salt, boolean[] inTree,
            AtomicInteger cached) {
        String relative = SourceTree.relative(root, file);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            long size = attributes.size();
            if (size > MAX_FILE_BYTES) {
                return FileModel.unparsable(relative, "it is " + megabytes(size) + ", over the " + megabytes(MAX_FILE_BYTES)
                        + " Tenet parses per file, so it was skipped (generated code? exclude it in .tenet/config.yml)", 1);
            }
            if (!cache.keepsModels()) {
                return scan(relative, new String(Files.readAllBytes(file), StandardCharsets.UTF_8), inTree);
            }
            long modified = attributes.lastModifiedTime().toMillis();
            Optional<String> knownKey = stamps.keyOf(relative, size, modified);
            Optional<FileModel> unchanged = knownKey.flatMap(cache::get);
            if (unchanged.isPresent()) {
                stamps.record(relative, size, modified, knownKey.get());
                cached.incrementAndGet();
                return unchanged.get();
            }
            byte[] bytes = Files.readAllBytes(file);
            String key = digest(salt, relative, bytes);
            Optional<FileModel> hit = cache.get(key);
            FileModel model = hit.orElseGet(() -> scan(relative, new String(bytes, StandardCharsets.UTF_8), inTree));
            if (hit.isPresent()) {
                cached.incrementAndGet();
            } else {
                cache.put(key, model);
            }
            stamps.record(relative, bytes.length, modified, key);
            return model;
        } catch (IOException e) {
            return FileModel.unparsable(relative, "it cannot be read: " + e.getMessage(), 1);
        }
    }

    /** Phase one for one file's text: parse, extract the model, run every check's scan. */
    public FileModel scan(String relativePath, String source) {
        boolean[] all = new boolean[checks.size()];
        java.util.Arrays.fill(all, true);
        return scan(relativePath, source, all);
    }

    /** Phase one with only the checks that apply to the tree the file is in ({@link Check#appliesTo}). */
    private FileModel scan(String relativePath, String source, boolean[] inTree) {
        ParseResult<CompilationUnit> result = PARSER.get().parse(source);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            Problem problem = result.getProblems().isEmpty() ? null : result.getProblems().get(0);
            String message = problem == null ? "" : ": " + problem.getMessage().lines().findFirst().orElse("");
            int line = problem == null ? 1 : problem.getLocation().flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line).orElse(1);
            return FileModel.unparsable(relativePath, "it does not parse as Java" + message, line);
        }
        List<Comment> comments = result.getCommentsCollection().map(c -> List.<Comment>copyOf(c.getComments())).orElse(List.of());
        JavaFile file = new JavaFile(relativePath, source, result.getResult().get(), comments);
        List<Hit> hits = new ArrayList<>();
        List<Fact> facts = new ArrayList<>();
        boolean[] applying = prefilters.applying(source);
        for (int i = 0; i < checks.size(); i++) {
            if (applying[i] && inTree[i]) {
                checks.get(i).scan(file, new ScanSink(checks.get(i).id(), file, hits, facts));
            }
        }
        CallCounter calls = new CallCounter();
        List<dev.tenet.rules.model.TypeModel> types = ModelExtractor.types(file, calls);
        return new FileModel(relativePath, file.packageName(), ModelExtractor.imports(file), types,
                ModelExtractor.suppressions(file), hits, facts, null, 0, calls.calls(), calls.unresolved());
    }

    private <T> T runParallel(java.util.concurrent.Callable<T> work) {
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            return pool.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("check interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TenetInputException input) {
                throw input;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String digest(String salt, String path, byte[] content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(content);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(JavaParsers::create);
}
