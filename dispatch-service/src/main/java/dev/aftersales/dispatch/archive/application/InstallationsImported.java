package dev.aftersales.dispatch.archive.application;

import java.util.List;

/**
 * The outcome of an installations import.
 *
 * @param loaded rows written because they were new or changed
 * @param unchanged rows equal to what the archive already held: nothing written
 * @param rejected rows not loaded, by line, with the reason
 */
public record InstallationsImported(int rows, int loaded, int unchanged, List<RowProblem> rejected) {}
