package dev.tenet.cli;

import dev.tenet.rules.TenetInputException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Bad input becomes one clear line and exit 2; anything else is a bug: exit 3, with the cause named. */
final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        var err = commandLine.getErr();
        if (e instanceof TenetInputException input) {
            err.println("tenet: " + input.getMessage());
            return ExitCodes.USAGE;
        }
        if (e instanceof CommandLine.ParameterException parameter) {
            err.println("tenet: " + parameter.getMessage());
            return ExitCodes.USAGE;
        }
        err.println("tenet: internal error: " + e);
        for (StackTraceElement element : e.getStackTrace()) {
            if (element.getClassName().startsWith("dev.tenet")) {
                err.println("    at " + element);
                break;
            }
        }
        return ExitCodes.INTERNAL;
    }
}
