package dev.tenet.mcp.tools;

import dev.tenet.mcp.schema.Schema;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.finding.Finding;
import java.util.List;

/** The arguments every findings tool takes to keep its answer small: {@code minSeverity}, {@code rules}, {@code limit}. */
final class FindingsInput {
    private FindingsInput() {
    }

    static Schema addTo(Schema schema) {
        return schema
                .enumeration("minSeverity", "default info (all)", List.of("error", "warning", "info"), false)
                .array("rules", Schema.type("string", "rule id or prefix: pipeline, resilience.http*"), false)
                .integer("limit", "entries to list, default " + FindingsReport.DEFAULT_LIMIT, 1, FindingsReport.MAX_LIMIT);
    }

    static FindingsReport report(Arguments args, List<Finding> findings, RuleCatalog catalog) {
        return new FindingsReport(findings, FindingFilter.of(args, catalog), args.integer("limit", FindingsReport.DEFAULT_LIMIT), catalog);
    }
}
