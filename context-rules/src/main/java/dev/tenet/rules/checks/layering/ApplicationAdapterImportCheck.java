package dev.tenet.rules.checks.layering;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.tenet.rules.config.Layer;
import dev.tenet.rules.engine.Prefilter;
import dev.tenet.rules.engine.Check;
import dev.tenet.rules.engine.HitSink;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.ScanSink;
import dev.tenet.rules.model.FileModel;
import dev.tenet.rules.model.ImportRef;
import java.util.Optional;

/**
 * Application code (use cases) depends on no adapter, infrastructure or presentation code of the
 * codebase: not by import, and not by a package-qualified field or parameter type.
 */
public final class ApplicationAdapterImportCheck implements Check {
    public static final String ID = "application-no-adapter";
    private static final String QUALIFIED_TYPE = "qualified-type";
    private static final String FIX = "Declare a port interface in the application layer, implement it in the %s layer, "
            + "and inject the port into the use case.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean usesLayers() {
        return true;
    }

    /** Only a file that writes a package-qualified type name after its imports can hold one. */
    @Override
    public Prefilter prefilter() {
        return Prefilter.custom(source -> {
            int body = source.lastIndexOf("\nimport ");
            return QualifiedNames.containsOne(source, body < 0 ? 0 : source.indexOf('\n', body + 1) + 1);
        });
    }

    /** Records field and parameter types written with their package: they need no import, so phase two would miss them. */
    @Override
    public void scan(JavaFile file, ScanSink sink) {
        for (ClassOrInterfaceType written : file.all(ClassOrInterfaceType.class, t -> t.getScope().isPresent())) {
            boolean isScopeOfAnother = written.getParentNode().filter(p -> p instanceof ClassOrInterfaceType).isPresent()
                    && ((ClassOrInterfaceType) written.getParentNode().get()).getScope().filter(s -> s == written).isPresent();
            String name = written.getNameWithScope();
            if (!isScopeOfAnother && Character.isLowerCase(name.charAt(0))) {
                declarationOf(written).ifPresent(declaration -> sink.fact(QUALIFIED_TYPE, name, declaration, written));
            }
        }
    }

    /** {@code field x} or {@code parameter y} when the type is that of a field or a parameter, else empty. */
    private static Optional<String> declarationOf(ClassOrInterfaceType type) {
        Optional<Node> current = type.getParentNode();
        while (current.isPresent() && current.get() instanceof com.github.javaparser.ast.type.Type) {
            current = current.get().getParentNode();
        }
        if (current.isPresent() && current.get() instanceof FieldDeclaration field) {
            return Optional.of("field " + field.getVariable(0).getNameAsString());
        }
        if (current.isPresent() && current.get() instanceof VariableDeclarator variable
                && variable.getParentNode().filter(p -> p instanceof FieldDeclaration).isPresent()) {
            return Optional.of("field " + variable.getNameAsString());
        }
        if (current.isPresent() && current.get() instanceof Parameter parameter) {
            return Optional.of("parameter " + parameter.getNameAsString());
        }
        return Optional.empty();
    }

    @Override
    public void finish(Project project, HitSink sink) {
        OwnLayers layers = new OwnLayers(project);
        for (FileModel file : project.files()) {
            if (project.layerOf(file).filter(l -> l == Layer.APPLICATION).isEmpty()) {
                continue;
            }
            for (ImportRef imp : file.imports()) {
                layers.ofImport(imp).filter(Layer::isOuter).ifPresent(layer -> sink.hit(file.path(), imp.line(), imp.line(),
                        "Application code imports " + layer.key() + " code (" + imp.name()
                                + "), so the use case depends on a technology detail instead of a port",
                        FIX.formatted(layer.key()), "import " + imp.name()));
            }
        }
        for (Project.FactEntry entry : project.facts(ID)) {
            FileModel file = entry.file();
            if (project.layerOf(file).filter(l -> l == Layer.APPLICATION).isEmpty()) {
                continue;
            }
            String typeName = entry.fact().subject();
            Optional<Layer> target = layers.ofQualifiedType(typeName).filter(Layer::isOuter);
            target.ifPresent(layer -> sink.hit(file.path(), entry.fact().line(), entry.fact().line(),
                    "Application code refers to " + layer.key() + " type " + typeName + " (" + entry.fact().detail()
                            + "), so the use case depends on a technology detail instead of a port",
                    FIX.formatted(layer.key()), entry.fact().owner() + " " + entry.fact().detail() + " " + typeName));
        }
    }
}
