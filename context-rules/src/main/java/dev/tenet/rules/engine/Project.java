package dev.tenet.rules.engine;

import dev.tenet.rules.config.Layer;
import dev.tenet.rules.config.TenetConfig;
import dev.tenet.rules.model.Fact;
import dev.tenet.rules.model.FileModel;
import dev.tenet.rules.model.ImportRef;
import dev.tenet.rules.model.MethodModel;
import dev.tenet.rules.model.TypeModel;
import dev.tenet.rules.schema.EventSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole codebase as phase-two checks see it: every file's model, an index of the codebase's own
 * types (names resolved through each file's imports and package, no build needed), the call graph,
 * Spring properties and the configuration.
 */
public final class Project {
    /** A type with the file it is declared in; equal only to itself (models are large, hashing them deeply is slow). */
    public record TypeEntry(FileModel file, TypeModel type) {
        @Override
        public boolean equals(Object other) {
            return other instanceof TypeEntry entry && entry.type == type;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(type);
        }
    }

    /** A method with its type and file; equal only to itself (models are large, hashing them deeply is slow). */
    public record MethodEntry(FileModel file, TypeModel type, MethodModel method) {
        @Override
        public boolean equals(Object other) {
            return other instanceof MethodEntry entry && entry.method == method;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(method);
        }

        /** {@code Type#method}, for messages and anchors. */
        public String label() {
            return type.simpleName() + "#" + method.name();
        }
    }

    /** A fact with the file it was found in. */
    public record FactEntry(FileModel file, Fact fact) {
    }

    /*
     * Scope, a deliberate choice: the type index, the call graph and the layers span the whole tree,
     * because a service split into build modules calls across them (a listener in one module reaches
     * a repository in another). What a check reports on and the configuration evidence it weighs —
     * files, types, methods, facts and Spring properties — are scoped to one service by
     * byService(): a deployable build module with the modules it depends on (read from the build
     * files), so one service's error handler, auto-commit setting or cache configuration never
     * answers for, or triggers, another's findings (DESIGN.md: facts are per build module), while
     * the error handler in a service's app module still answers for the listeners of its core
     * module. A library shared by two services is seen from each of them, never joining them.
     * When the tree has a single service, the whole project is its only view.
     */
    private final Project whole;
    private final TenetConfig config;
    private final List<FileModel> files;
    private final List<PropertyEntry> properties;
    private final List<EventSchema> schemas;
    private final BuildModules modules;
    private final Map<String, TypeEntry> typesByFqn;
    /** Module and FQN to type: two services under one root may declare the same class, each resolves its own. */
    private final Map<String, TypeEntry> typesByModuleAndFqn;
    private final Map<FileModel, String> moduleByFile;
    private final List<TypeEntry> types = new ArrayList<>();
    private final java.util.Set<String> packages;
    private final Map<String, Optional<Layer>> layersByPackage;
    private final Map<FileModel, Map<String, Optional<TypeEntry>>> resolved;
    private final Map<TypeModel, List<MethodEntry>> methodsByType;
    private final List<MethodEntry> methods = new ArrayList<>();
    private final Map<String, List<FactEntry>> factsByCheck = new HashMap<>();
    private CallGraph callGraph;

    public Project(TenetConfig config, List<FileModel> files, List<PropertyEntry> properties) {
        this(config, files, properties, new BuildModules(List.of()));
    }

    public Project(TenetConfig config, List<FileModel> files, List<PropertyEntry> properties, BuildModules modules) {
        this(config, files, properties, List.of(), modules);
    }

    public Project(TenetConfig config, List<FileModel> files, List<PropertyEntry> properties, List<EventSchema> schemas,
            BuildModules modules) {
        this.whole = this;
        this.config = config;
        this.files = List.copyOf(files);
        this.properties = List.copyOf(properties);
        this.schemas = List.copyOf(schemas);
        this.modules = modules;
        this.typesByFqn = new HashMap<>();
        this.typesByModuleAndFqn = new HashMap<>();
        this.moduleByFile = new java.util.IdentityHashMap<>();
        this.packages = new java.util.HashSet<>();
        this.layersByPackage = new java.util.concurrent.ConcurrentHashMap<>();
        this.resolved = new java.util.IdentityHashMap<>();
        this.methodsByType = new java.util.IdentityHashMap<>();
        index(true);
    }

    /** A view of {@code whole} limited to some of its files and properties; the indexes stay shared. */
    private Project(Project whole, List<FileModel> files, List<PropertyEntry> properties, List<EventSchema> schemas) {
        this.whole = whole;
        this.config = whole.config;
        this.files = List.copyOf(files);
        this.properties = List.copyOf(properties);
        this.schemas = List.copyOf(schemas);
        this.modules = whole.modules;
        this.typesByFqn = whole.typesByFqn;
        this.typesByModuleAndFqn = whole.typesByModuleAndFqn;
        this.moduleByFile = whole.moduleByFile;
        this.packages = whole.packages;
        this.layersByPackage = whole.layersByPackage;
        this.resolved = whole.resolved;
        this.methodsByType = whole.methodsByType;
        index(false);
    }

    private void index(boolean shared) {
        for (FileModel file : files) {
            if (shared) {
                packages.add(file.packageName());
                moduleByFile.put(file, modules.moduleOf(file.path()));
            }
            for (Fact fact : file.facts()) {
                factsByCheck.computeIfAbsent(fact.checkId(), k -> new ArrayList<>()).add(new FactEntry(file, fact));
            }
            for (TypeModel type : file.types()) {
                TypeEntry typeEntry = new TypeEntry(file, type);
                types.add(typeEntry);
                List<MethodEntry> own = new ArrayList<>();
                for (MethodModel method : type.methods()) {
                    MethodEntry entry = new MethodEntry(file, type, method);
                    own.add(entry);
                    methods.add(entry);
                }
                if (shared) {
                    typesByFqn.put(type.fqn(), typeEntry);
                    typesByModuleAndFqn.put(moduleByFile.get(file) + "|" + type.fqn(), typeEntry);
                    methodsByType.put(type, own);
                }
            }
        }
    }

    /** The whole tree's project (itself when this is not a view of one service or module). */
    public Project whole() {
        return whole;
    }

    /** The tree's build modules. */
    public BuildModules modules() {
        return modules;
    }

    /**
     * This project seen from each service (a set of build module folders, see {@link BuildServices}):
     * a service's files, types, methods, facts and properties only; type resolution, layers and the
     * call graph still span the whole tree. A project of a single service is its own only view.
     */
    public List<Project> byService(List<Set<String>> services) {
        if (services.size() <= 1) {
            return List.of(whole);
        }
        Map<String, List<FileModel>> files = new HashMap<>();
        Map<String, List<PropertyEntry>> settings = new HashMap<>();
        for (FileModel file : whole.files) {
            files.computeIfAbsent(whole.moduleByFile.get(file), m -> new ArrayList<>()).add(file);
        }
        for (PropertyEntry property : whole.properties) {
            settings.computeIfAbsent(modules.moduleOf(property.file()), m -> new ArrayList<>()).add(property);
        }
        Map<String, List<EventSchema>> contracts = new HashMap<>();
        for (EventSchema schema : whole.schemas) {
            contracts.computeIfAbsent(modules.moduleOf(schema.file()), m -> new ArrayList<>()).add(schema);
        }
        List<Project> views = new ArrayList<>();
        for (Set<String> service : services) {
            List<FileModel> own = new ArrayList<>();
            List<PropertyEntry> ownSettings = new ArrayList<>();
            List<EventSchema> ownSchemas = new ArrayList<>();
            for (String module : service) {
                own.addAll(files.getOrDefault(module, List.of()));
                ownSettings.addAll(settings.getOrDefault(module, List.of()));
                ownSchemas.addAll(contracts.getOrDefault(module, List.of()));
            }
            if (!own.isEmpty() || !ownSettings.isEmpty()) {
                views.add(new Project(whole, own, ownSettings, ownSchemas));
            }
        }
        return views;
    }

    /** The packages the codebase's own files declare (the whole tree's). */
    public java.util.Set<String> packages() {
        return packages;
    }

    public TenetConfig config() {
        return config;
    }

    public List<FileModel> files() {
        return files;
    }

    /** The committed event schemas of this project (or service). */
    public List<EventSchema> schemas() {
        return schemas;
    }

    public List<PropertyEntry> properties() {
        return properties;
    }

    public List<MethodEntry> methods() {
        return methods;
    }

    /** The types declared in this project's files (in a module view, that module's). */
    public List<TypeEntry> types() {
        return java.util.Collections.unmodifiableList(types);
    }

    public Optional<TypeEntry> type(String fqn) {
        return Optional.ofNullable(typesByFqn.get(fqn));
    }

    public List<MethodEntry> methodsOf(TypeModel type) {
        return methodsByType.getOrDefault(type, List.of());
    }

    /** Facts recorded by one check in phase one. */
    public List<FactEntry> facts(String checkId) {
        return java.util.Collections.unmodifiableList(factsByCheck.getOrDefault(checkId, List.of()));
    }

    /**
     * Resolves a type name as written in {@code from} to one of the codebase's own types: explicit
     * import, a type of the same file or package, a wildcard import, or an already qualified name.
     */
    public Optional<TypeEntry> resolve(FileModel from, String writtenName) {
        if (writtenName == null || writtenName.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Optional<TypeEntry>> answers;
        synchronized (resolved) {
            answers = resolved.computeIfAbsent(from, f -> new java.util.concurrent.ConcurrentHashMap<>());
        }
        return answers.computeIfAbsent(writtenName, name -> resolveUncached(from, name));
    }

    private Optional<TypeEntry> resolveUncached(FileModel from, String writtenName) {
        TypeEntry direct = lookup(from, writtenName);
        if (direct != null && writtenName.contains(".")) {
            return Optional.of(direct);
        }
        int dot = writtenName.indexOf('.');
        String first = dot < 0 ? writtenName : writtenName.substring(0, dot);
        String rest = dot < 0 ? "" : writtenName.substring(dot);
        Optional<String> imported = from.importedAs(first);
        if (imported.isPresent()) {
            return Optional.ofNullable(lookup(from, imported.get() + rest));
        }
        for (TypeModel own : from.types()) {
            if (own.simpleName().equals(first)) {
                return Optional.ofNullable(lookup(from, own.fqn() + rest));
            }
        }
        String samePackage = from.packageName().isEmpty() ? writtenName : from.packageName() + "." + writtenName;
        TypeEntry sibling = lookup(from, samePackage);
        if (sibling != null) {
            return Optional.of(sibling);
        }
        for (ImportRef imp : from.imports()) {
            if (imp.asterisk() && !imp.isStatic()) {
                TypeEntry candidate = lookup(from, imp.name() + "." + writtenName);
                if (candidate != null) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** A type by FQN, preferring the one declared in {@code from}'s own build module. */
    private TypeEntry lookup(FileModel from, String fqn) {
        String module = moduleByFile.get(from);
        TypeEntry own = module == null ? null : typesByModuleAndFqn.get(module + "|" + fqn);
        return own != null ? own : typesByFqn.get(fqn);
    }

    /**
     * The fully qualified names a type written in {@code from} may stand for outside the codebase: its
     * explicit import, else one candidate per wildcard import and {@code java.lang}; a name written
     * qualified stands for itself. Several candidates are only ever checked against a known set.
     */
    public List<String> externalNames(FileModel from, String written) {
        if (written == null || written.isEmpty()) {
            return List.of();
        }
        int dot = written.indexOf('.');
        String first = dot < 0 ? written : written.substring(0, dot);
        String rest = dot < 0 ? "" : written.substring(dot);
        if (Character.isLowerCase(first.charAt(0))) {
            return List.of(written);
        }
        Optional<String> imported = from.importedAs(first);
        if (imported.isPresent()) {
            return List.of(imported.get() + rest);
        }
        List<String> names = new ArrayList<>();
        for (ImportRef imp : from.imports()) {
            if (imp.asterisk() && !imp.isStatic()) {
                names.add(imp.name() + "." + written);
            }
        }
        names.add("java.lang." + written);
        return names;
    }

    /** The fully qualified names of a codebase type and of every supertype it has, in the codebase or outside it. */
    public java.util.Set<String> typeAndSupertypes(TypeEntry type) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        collectSupertypes(type, names, 0);
        return names;
    }

    private void collectSupertypes(TypeEntry type, java.util.Set<String> names, int depth) {
        if (!names.add(type.type().fqn()) || depth > 10) {
            return;
        }
        for (String supertype : type.type().supertypes()) {
            Optional<TypeEntry> own = resolve(type.file(), supertype);
            if (own.isPresent()) {
                collectSupertypes(own.get(), names, depth + 1);
            } else {
                names.addAll(externalNames(type.file(), supertype));
            }
        }
    }

    /** Whether a codebase type is, or extends or implements (transitively), one of these fully qualified types. */
    public boolean isSubtypeOfAny(TypeEntry type, java.util.Set<String> fqns) {
        return typeAndSupertypes(type).stream().anyMatch(fqns::contains);
    }

    /** The annotation of that fully qualified type among annotations written in {@code from}, if any. */
    public Optional<dev.tenet.rules.model.AnnotationRef> annotation(FileModel from, List<dev.tenet.rules.model.AnnotationRef> annotations,
                                                                    String fqn) {
        String simple = fqn.substring(fqn.lastIndexOf('.') + 1);
        for (dev.tenet.rules.model.AnnotationRef annotation : annotations) {
            if (annotation.simpleName().equals(simple)
                    && (annotation.name().equals(fqn) || externalNames(from, annotation.name()).contains(fqn)
                    || from.packageName().equals(fqn.substring(0, Math.max(0, fqn.lastIndexOf('.')))))) {
                return Optional.of(annotation);
            }
        }
        return Optional.empty();
    }

    public Optional<Layer> layerOf(FileModel file) {
        return layerOfPackage(file.packageName());
    }

    /** The layer of a package, matched once per package (checks ask for the same few packages many times). */
    public Optional<Layer> layerOfPackage(String packageName) {
        return layersByPackage.computeIfAbsent(packageName, config::layerOf);
    }

    /** The call graph over the codebase's own methods, built on first use. */
    public synchronized CallGraph callGraph() {
        if (whole != this) {
            return whole.callGraph();
        }
        if (callGraph == null) {
            callGraph = new CallGraph(this);
        }
        return callGraph;
    }
}
