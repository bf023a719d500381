package dev.aftersales.local;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The configuration of a local stack for one end-to-end test class: its own data folder under target/
 * (emptied, and any child process a killed run left there stopped) and ports free right now.
 */
final class FreshStack {

    private FreshStack() {}

    static LocalStackConfig config(Path dataDir) throws IOException {
        ChildProcess.stopLeftovers(dataDir.toAbsolutePath().normalize());
        return Benchmarks.freshStack(dataDir, BuildTree.repoRoot());
    }
}
