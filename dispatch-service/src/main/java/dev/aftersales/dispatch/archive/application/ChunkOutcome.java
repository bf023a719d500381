package dev.aftersales.dispatch.archive.application;

import java.util.List;

/**
 * What one chunk of an import does, decided before anything of it is written and kept with the
 * chunk: a run that resumes after a crash writes the same machines again (a no-op for those already
 * in) and counts the chunk as first decided, so the job's counts stay exact.
 *
 * @param addedLines the rows whose machines are new to the archive
 * @param rejected the rows not loaded, in line order
 */
public record ChunkOutcome(List<Integer> addedLines, int unchanged, List<RowProblem> rejected) {

    public ChunkOutcome {
        addedLines = List.copyOf(addedLines);
        rejected = List.copyOf(rejected);
    }

    int rows() {
        return addedLines.size() + unchanged + rejected.size();
    }
}
