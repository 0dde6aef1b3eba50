package dev.tenet.rules.checks;

import dev.tenet.rules.checks.caching.CacheManagerWithoutTtlCheck;
import dev.tenet.rules.checks.caching.RedisWriteWithoutTtlCheck;
import dev.tenet.rules.checks.layering.ApplicationAdapterImportCheck;
import dev.tenet.rules.checks.layering.ControllerReturnsDtoCheck;
import dev.tenet.rules.checks.layering.DomainFrameworkImportCheck;
import dev.tenet.rules.checks.layering.OutboundThroughPortsCheck;
import dev.tenet.rules.checks.pipeline.AutoCommitAsyncCheck;
import dev.tenet.rules.checks.pipeline.BlockingListenerCheck;
import dev.tenet.rules.checks.pipeline.EventSchemaEvolutionCheck;
import dev.tenet.rules.checks.pipeline.ListenerNotIdempotentCheck;
import dev.tenet.rules.checks.pipeline.MissingErrorHandlerCheck;
import dev.tenet.rules.checks.pipeline.MissingMessageKeyCheck;
import dev.tenet.rules.checks.pipeline.OutboxDualWriteCheck;
import dev.tenet.rules.checks.pipeline.SwallowedListenerExceptionCheck;
import dev.tenet.rules.checks.resilience.HttpNoTimeoutCheck;
import dev.tenet.rules.checks.resilience.RemoteCallInTransactionCheck;
import dev.tenet.rules.engine.Check;
import java.util.List;

/** Every built-in check, listed explicitly (no classpath scanning). */
public final class BuiltinChecks {
    private BuiltinChecks() {
    }

    public static List<Check> all() {
        return List.of(
                new DomainFrameworkImportCheck(),
                new ApplicationAdapterImportCheck(),
                new OutboundThroughPortsCheck(),
                new ControllerReturnsDtoCheck(),
                new HttpNoTimeoutCheck(),
                new RemoteCallInTransactionCheck(),
                new RedisWriteWithoutTtlCheck(),
                new CacheManagerWithoutTtlCheck(),
                new OutboxDualWriteCheck(),
                new MissingMessageKeyCheck(),
                new ListenerNotIdempotentCheck(),
                new AutoCommitAsyncCheck(),
                new BlockingListenerCheck(),
                new SwallowedListenerExceptionCheck(),
                new MissingErrorHandlerCheck(),
                new EventSchemaEvolutionCheck());
    }
}
