package dev.tenet.scaffold.generate;

/** Contributes one generated file or a small group of them, from the read-only service model. */
public interface ProjectContributor {
    /**
     * Adds this contributor's files.
     *
     * @param model the service description and the template values computed from it
     * @param files where the files go
     */
    void contribute(ServiceModel model, GeneratedFiles files);
}
