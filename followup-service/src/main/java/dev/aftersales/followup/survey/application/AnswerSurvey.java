package dev.aftersales.followup.survey.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.contracts.followup.ReturnCallReason;
import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.care.application.RecordCustomerContact;
import dev.aftersales.followup.casefile.application.UpdateCaseFile;
import dev.aftersales.followup.casefile.domain.CaseFile;
import dev.aftersales.followup.casefile.domain.CaseFiles;
import dev.aftersales.followup.casefile.domain.FollowupState;
import dev.aftersales.followup.quality.domain.Machine;
import dev.aftersales.followup.quality.domain.Machines;
import dev.aftersales.followup.returncall.domain.ReturnCallStatus;
import dev.aftersales.followup.returncall.domain.ReturnCalls;
import dev.aftersales.followup.survey.domain.Questionnaires;
import dev.aftersales.followup.survey.domain.Survey;
import dev.aftersales.followup.survey.domain.Surveys;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * Records the customer's survey on a return call (once per call: SurveyAnswered), marks the call
 * reached, and moves the case's satisfaction loop: satisfied ends it (CustomerSatisfied), not
 * solved or satisfaction ≤ 2 starts the next round (CustomerDissatisfied) or, after the configured
 * rounds, escalates (FollowupEscalated). The case file applies the survey once (by survey id), so
 * repeating a request after a failure half-way completes it without a second round.
 */
@Service
public class AnswerSurvey {

    private final ReturnCalls returnCalls;
    private final Questionnaires questionnaires;
    private final Surveys surveys;
    private final CaseFiles caseFiles;
    private final UpdateCaseFile updateCaseFile;
    private final Machines machines;
    private final RecordCustomerContact customerContact;
    private final FollowupProperties properties;
    private final Clock clock;
    private final SurveyMetrics metrics;

    AnswerSurvey(
            ReturnCalls returnCalls,
            Questionnaires questionnaires,
            Surveys surveys,
            CaseFiles caseFiles,
            UpdateCaseFile updateCaseFile,
            Machines machines,
            RecordCustomerContact customerContact,
            FollowupProperties properties,
            Clock clock,
            SurveyMetrics metrics) {
        this.returnCalls = returnCalls;
        this.questionnaires = questionnaires;
        this.surveys = surveys;
        this.caseFiles = caseFiles;
        this.updateCaseFile = updateCaseFile;
        this.machines = machines;
        this.customerContact = customerContact;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Survey answer(AnswerSurveyCommand command) {
        var call = returnCalls
                .find(command.returnCallId())
                .orElseThrow(() -> new NotFoundException("return call " + command.returnCallId()));
        if (call.status() == ReturnCallStatus.UNREACHABLE) {
            throw new ConflictException("return call " + call.id() + " is unreachable");
        }
        var questionnaire = questionnaires
                .find(command.questionnaireId())
                .orElseThrow(() -> new InvalidRequestException("questionnaireId", "no such questionnaire"));
        var now = clock.instant();
        var caseFile = caseFiles.find(call.complaintId());
        var machine = caseFile.map(CaseFile::serialNumber).flatMap(machines::find);
        var subject = new Survey.Subject(
                call.complaintId(),
                caseFile.map(CaseFile::round).orElse(1),
                caseFile.map(CaseFile::customerId).orElse(null),
                caseFile.map(CaseFile::technicianId).orElse(null),
                caseFile.map(CaseFile::dealerId)
                        .or(() -> machine.map(Machine::dealerId))
                        .orElse(null),
                machine.map(Machine::productLine).orElse(null),
                caseFile.map(CaseFile::model)
                        .or(() -> machine.map(Machine::model))
                        .orElse(null));
        Survey survey;
        try {
            survey = Survey.answer(
                    call.id(),
                    questionnaire,
                    subject,
                    command.answers(),
                    command.solved(),
                    command.satisfaction(),
                    command.suggestions(),
                    command.agentId(),
                    now);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("answers", e.getMessage());
        }
        if (surveys.add(survey)) {
            metrics.answered(survey.satisfaction());
        } else {
            survey = surveys.find(survey.id()).orElseThrow();
        }
        if (call.status() == ReturnCallStatus.DUE) {
            call.reachedBySurvey(command.agentId(), now);
            returnCalls.save(call);
        }
        if (survey.subject().customerId() != null) {
            customerContact.record("survey:" + survey.id(), survey.subject().customerId(), survey.answeredAt());
        }
        if (call.reason() != ReturnCallReason.THANK_YOU_AFTER_INSTALLATION
                && caseFile.map(f -> f.state() == FollowupState.OPEN).orElse(false)) {
            moveLoop(survey);
        }
        return survey;
    }

    private void moveLoop(Survey survey) {
        updateCaseFile.apply("survey:" + survey.id(), survey.subject().complaintId(), f -> {
            var round = f.surveyAnswered(
                    survey.solved(), survey.satisfaction(), properties.maxRounds(), survey.answeredAt());
            metrics.roundEnded(round, f.state());
        });
    }
}
