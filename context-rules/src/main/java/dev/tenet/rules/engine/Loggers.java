package dev.tenet.rules.engine;

import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.Set;

/**
 * Tells a logging call by its receiver's resolved type: an SLF4J, JUL, Log4j 2 or Commons Logging
 * logger, or the {@code log} field Lombok generates for {@code @Slf4j} and its siblings. Never by
 * the receiver's name.
 */
public final class Loggers {
    /** Logger types, fully qualified. */
    public static final Set<String> LOGGER_TYPES = Set.of("org.slf4j.Logger", "java.util.logging.Logger",
            "org.apache.logging.log4j.Logger", "org.apache.commons.logging.Log", "org.jboss.logging.Logger",
            "ch.qos.logback.classic.Logger", "java.lang.System.Logger");
    /** Lombok annotations that generate a logger field named {@code log}. */
    public static final Set<String> LOMBOK_LOGGERS = Set.of("lombok.extern.slf4j.Slf4j", "lombok.extern.slf4j.XSlf4j",
            "lombok.extern.log4j.Log4j2", "lombok.extern.log4j.Log4j", "lombok.extern.apachecommons.CommonsLog",
            "lombok.extern.java.Log", "lombok.extern.jbosslog.JBossLog", "lombok.extern.flogger.Flogger", "lombok.CustomLog");

    private Loggers() {
    }

    /** Whether {@code call} is made on a logger. */
    public static boolean isLogging(JavaFile file, MethodCallExpr call) {
        Expression root = JavaFile.chainRoot(call);
        if (root == call) {
            return false;
        }
        String type = file.typeOf(root);
        if (type != null) {
            return file.standsForAny(type, LOGGER_TYPES);
        }
        return root instanceof NameExpr name && name.getNameAsString().equals("log") && lombokLogger(file, call);
    }

    /** The {@code log} field exists only when Lombok generates it: the enclosing class carries the annotation. */
    private static boolean lombokLogger(JavaFile file, MethodCallExpr call) {
        return call.findAncestor(TypeDeclaration.class).map(type -> ((TypeDeclaration<?>) type).getAnnotations().stream()
                .anyMatch(a -> file.standsForAny(a.getNameAsString(), LOMBOK_LOGGERS))).orElse(false);
    }
}
