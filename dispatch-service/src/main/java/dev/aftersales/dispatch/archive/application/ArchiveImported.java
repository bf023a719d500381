package dev.aftersales.dispatch.archive.application;

/** How many rows of each kind an import wrote. */
public record ArchiveImported(int dealers, int technicians, int installations, int servicePoints) {}
