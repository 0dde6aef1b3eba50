package dev.tenet.rules.effects;

import java.util.Locale;
import java.util.regex.Pattern;

/** Tells from SQL (or JPQL) text whether a statement reads, writes idempotently, or writes in a way that repeats. */
public final class SqlStatements {
    /** What running a statement twice does. */
    public enum Kind {
        /** A query: nothing changes. */
        READ,
        /** A write whose second run changes nothing more: DELETE, an absolute UPDATE, INSERT IGNORE, ON CONFLICT DO NOTHING. */
        IDEMPOTENT_WRITE,
        /** A write that repeats: a plain INSERT, an increment ({@code SET n = n + 1}), a stored procedure. */
        WRITE,
        /** Not SQL Tenet can read. */
        UNKNOWN
    }

    private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|--[^\\n]*");
    /** {@code n = n + ?}, {@code p.minutes = p.minutes + :m}, {@code total = COALESCE(total, 0) + ?}. */
    private static final Pattern ACCUMULATES = Pattern.compile(
            "(?i)([\\w.`\"]+)\\s*=\\s*(?:coalesce\\s*\\(\\s*|ifnull\\s*\\(\\s*)?\\1\\b[^,;]*?(?:\\+|-|\\|\\|)|=\\s*concat\\s*\\(\\s*([\\w.`\"]+)");
    private static final Pattern FIRST_WORD = Pattern.compile("^\\s*\\(?\\s*([A-Za-z]+)");

    private SqlStatements() {
    }

    public static Kind classify(String sql) {
        if (sql == null || sql.isBlank()) {
            return Kind.UNKNOWN;
        }
        String text = COMMENTS.matcher(sql).replaceAll(" ").strip();
        var first = FIRST_WORD.matcher(text);
        if (!first.find()) {
            return Kind.UNKNOWN;
        }
        String upper = text.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        String verb = first.group(1).toUpperCase(Locale.ROOT);
        if (verb.equals("WITH")) {
            verb = upper.matches(".*\\)\\s*(INSERT|UPDATE|DELETE|MERGE)\\b.*") ? upper.replaceAll(".*\\)\\s*(INSERT|UPDATE|DELETE|MERGE)\\b.*", "$1") : "SELECT";
        }
        boolean accumulates = ACCUMULATES.matcher(text).find();
        return switch (verb) {
            case "SELECT", "SHOW", "EXPLAIN", "VALUES", "FROM" -> Kind.READ;
            case "INSERT" -> upper.contains("INSERT IGNORE") || upper.matches(".*ON CONFLICT.*DO NOTHING.*")
                    || (upper.contains("ON DUPLICATE KEY UPDATE") || upper.matches(".*ON CONFLICT.*DO UPDATE.*")) && !accumulates
                    ? Kind.IDEMPOTENT_WRITE : Kind.WRITE;
            case "MERGE", "REPLACE", "UPSERT", "UPDATE" -> accumulates ? Kind.WRITE : Kind.IDEMPOTENT_WRITE;
            case "DELETE", "TRUNCATE", "CREATE", "ALTER", "DROP" -> Kind.IDEMPOTENT_WRITE;
            case "CALL", "EXEC", "EXECUTE" -> Kind.WRITE;
            default -> Kind.UNKNOWN;
        };
    }
}
