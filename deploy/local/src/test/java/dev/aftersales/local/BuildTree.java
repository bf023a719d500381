package dev.aftersales.local;

import java.nio.file.Path;

/** Where the tests find the packaged service jars: the reactor's root, as surefire reports it. */
final class BuildTree {

    private BuildTree() {}

    static Path repoRoot() {
        var configured = System.getProperty("aftersales.repo-root");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : LocalStackConfig.findRepoRoot(Path.of(""));
    }
}
