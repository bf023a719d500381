package dev.aftersales.followup.quality.application;

import dev.aftersales.chassis.time.ReportPeriod;
import dev.aftersales.followup.casefile.domain.CaseFiles;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The manufacturer's quality report: completed-visit faults counted by model, production batch
 * and part replaced (from the complaint's batch field and the parts used). A case without parts
 * counts once under part "-". A case counts in a period when one of its visits completed on one of the
 * period's days (a case visited twice in the period counts once). Computed from the period's case files.
 */
@Service
public class ReportFaults {

    public record FaultCount(String model, String batchNumber, String partNumber, long faults) {}

    static final String NONE = "-";

    private final CaseFiles caseFiles;

    ReportFaults(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    public List<FaultCount> report(ReportPeriod period) {
        Map<List<String>, Long> counts = caseFiles.withVisitCompletedBetween(period.start(), period.end()).stream()
                .filter(f -> f.visits().stream().anyMatch(v -> period.covers(v.completedAt())))
                .filter(f -> f.technicianId() != null && f.serialNumber() != null)
                .flatMap(f -> (f.partsUsed().isEmpty() ? List.of(NONE) : f.partsUsed())
                        .stream()
                                .map(part -> List.of(
                                        Objects.requireNonNullElse(f.model(), NONE),
                                        Objects.requireNonNullElse(f.batchNumber(), NONE),
                                        part)))
                .collect(Collectors.groupingBy(k -> k, Collectors.counting()));
        return counts.entrySet().stream()
                .map(e -> new FaultCount(
                        e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), e.getValue()))
                .sorted(Comparator.comparing(FaultCount::faults)
                        .reversed()
                        .thenComparing(FaultCount::model)
                        .thenComparing(FaultCount::batchNumber)
                        .thenComparing(FaultCount::partNumber))
                .toList();
    }
}
