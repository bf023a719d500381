package dev.aftersales.followup.survey.adapter.mongo;

import org.springframework.data.mongodb.repository.MongoRepository;

interface QuestionnaireDocuments extends MongoRepository<QuestionnaireDocument, String> {}
