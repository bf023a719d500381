package dev.aftersales.followup.survey.adapter.web;

import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.chassis.time.ReportPeriod;
import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.survey.application.AnswerSurvey;
import dev.aftersales.followup.survey.application.AnswerSurveyCommand;
import dev.aftersales.followup.survey.application.ListQuestionnaires;
import dev.aftersales.followup.survey.application.ScoreServqual;
import dev.aftersales.followup.survey.application.ShowQuestionnaire;
import dev.aftersales.followup.survey.application.ShowSurvey;
import dev.aftersales.followup.survey.domain.Questionnaire;
import dev.aftersales.followup.survey.domain.ServqualScore;
import dev.aftersales.followup.survey.domain.Survey;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The satisfaction survey: questionnaires, answers entered by the agent on the call, and SERVQUAL scores. */
@RestController
class SurveyController {

    record AnswerRequest(
            @NotBlank @Size(max = 64) String questionId,
            @NotNull @Min(1) @Max(7) Integer expectation,
            @NotNull @Min(1) @Max(7) Integer perception) {}

    record SurveyRequest(
            @NotBlank @Size(max = 64) String questionnaireId,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid AnswerRequest> answers,
            @NotNull Boolean solved,
            @NotNull @Min(1) @Max(5) Integer satisfaction,
            @Size(max = 2000) String suggestions) {}

    record ScoreView(String key, int customers, BigDecimal overall, Map<String, BigDecimal> byDimension) {
        static ScoreView of(String key, ServqualScore score) {
            var byDimension = new TreeMap<String, BigDecimal>();
            score.byDimension().forEach((d, gap) -> byDimension.put(d.name(), Survey.rounded(gap)));
            return new ScoreView(key, score.customers(), Survey.rounded(score.overall()), byDimension);
        }
    }

    record SurveyView(
            String surveyId,
            String returnCallId,
            String complaintId,
            int round,
            String questionnaireId,
            String technicianId,
            String dealerId,
            boolean solved,
            int satisfaction,
            String suggestions,
            ScoreView score,
            Instant answeredAt) {
        static SurveyView of(Survey s) {
            return new SurveyView(
                    s.id(),
                    s.returnCallId(),
                    s.subject().complaintId(),
                    s.subject().round(),
                    s.questionnaireId(),
                    s.subject().technicianId(),
                    s.subject().dealerId(),
                    s.solved(),
                    s.satisfaction(),
                    s.suggestions(),
                    ScoreView.of(s.subject().customerId(), s.score()),
                    s.answeredAt());
        }
    }

    private final ListQuestionnaires listQuestionnaires;
    private final ShowQuestionnaire showQuestionnaire;
    private final AnswerSurvey answerSurvey;
    private final ShowSurvey showSurvey;
    private final ScoreServqual scoreServqual;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ZoneId businessZone;

    SurveyController(
            ListQuestionnaires listQuestionnaires,
            ShowQuestionnaire showQuestionnaire,
            AnswerSurvey answerSurvey,
            ShowSurvey showSurvey,
            ScoreServqual scoreServqual,
            CurrentUser currentUser,
            Clock clock,
            FollowupProperties properties) {
        this.clock = clock;
        this.businessZone = properties.businessZone();
        this.listQuestionnaires = listQuestionnaires;
        this.showQuestionnaire = showQuestionnaire;
        this.answerSurvey = answerSurvey;
        this.showSurvey = showSurvey;
        this.scoreServqual = scoreServqual;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/questionnaires")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    List<Questionnaire> questionnaires() {
        return listQuestionnaires.list();
    }

    @GetMapping("/api/questionnaires/{id}")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    Questionnaire questionnaire(@PathVariable String id) {
        return showQuestionnaire.show(id);
    }

    @PostMapping("/api/return-calls/{returnCallId}/survey")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    @ResponseStatus(HttpStatus.CREATED)
    SurveyView answer(@PathVariable String returnCallId, @Valid @RequestBody SurveyRequest request) {
        var survey = answerSurvey.answer(new AnswerSurveyCommand(
                returnCallId,
                request.questionnaireId(),
                request.answers().stream()
                        .map(a -> new Survey.Given(a.questionId(), a.expectation(), a.perception()))
                        .toList(),
                request.solved(),
                request.satisfaction(),
                request.suggestions(),
                currentUser.userId()));
        return SurveyView.of(survey);
    }

    @GetMapping("/api/surveys/{surveyId}")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    SurveyView survey(@PathVariable String surveyId) {
        return SurveyView.of(showSurvey.show(surveyId));
    }

    /**
     * @param by customer, technician, dealer, product-line, period (month) or all
     * @param from the first business day of the period (ISO date, inclusive); default 29 days before {@code to}
     * @param to the last business day (inclusive); default today. At most 366 days.
     */
    @GetMapping("/api/servqual/scores")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    List<ScoreView> scores(
            @RequestParam(defaultValue = "all") String by,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        ScoreServqual.Grouping grouping;
        try {
            grouping =
                    ScoreServqual.Grouping.valueOf(by.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(
                    "by", "must be customer, technician, dealer, product-line, period or all");
        }
        var period = ReportPeriod.of(from, to, clock, businessZone);
        return scoreServqual.by(grouping, period).stream()
                .map(g -> ScoreView.of(g.key(), g.score()))
                .toList();
    }
}
