package dev.aftersales.followup.survey.adapter.mongo;

import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.followup.survey.domain.Questionnaires;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the questionnaires shipped in {@code classpath:questionnaires/*.json} (default zh and en)
 * into the store at start-up. A version already stored is left alone: versions are immutable, a
 * changed wording ships as a new file with a new id.
 */
@Component
class ShippedQuestionnaires implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShippedQuestionnaires.class);

    private final Questionnaires questionnaires;

    ShippedQuestionnaires(Questionnaires questionnaires) {
        this.questionnaires = questionnaires;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            for (var resource :
                    new PathMatchingResourcePatternResolver().getResources("classpath:questionnaires/*.json")) {
                try (var in = resource.getInputStream()) {
                    var questionnaire = EventJson.read(in.readAllBytes(), QuestionnaireDocument.class)
                            .toQuestionnaire();
                    if (questionnaires.addIfAbsent(questionnaire)) {
                        log.info("questionnaire {} loaded", questionnaire.id());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
