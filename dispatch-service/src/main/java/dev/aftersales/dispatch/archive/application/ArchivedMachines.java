package dev.aftersales.dispatch.archive.application;

/** What an import says about a row for a machine the archive holds with other facts. */
final class ArchivedMachines {

    private ArchivedMachines() {}

    static String differs(String serialNumber) {
        return "serialNumber: " + serialNumber + " is archived with other facts; an import does not change it,"
                + " correct it with POST /api/installations/" + serialNumber + "/corrections";
    }
}
