package dev.tenet.rules.schema;

/**
 * The compatibility modes of Confluent Schema Registry and Apicurio: BACKWARD, consumers on the new
 * version read records written with the committed one (replays, the DLT, producers not yet deployed);
 * FORWARD, consumers still on the committed version read records written with the new one; FULL, both.
 */
public enum CompatibilityMode {
    BACKWARD, FORWARD, FULL
}
