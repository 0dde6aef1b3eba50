package dev.tenet.rules.archfixture;

import dev.tenet.cli.TenetCommand;

/** A class in context-rules' package that reaches up into the cli: what {@code ModuleBoundariesTests} must refuse. */
public final class RulesCallingTheCli {
    private RulesCallingTheCli() {
    }

    public static int usage() {
        return TenetCommand.commandLine().execute("--help");
    }
}
