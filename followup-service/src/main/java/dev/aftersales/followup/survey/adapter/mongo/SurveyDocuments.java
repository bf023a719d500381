package dev.aftersales.followup.survey.adapter.mongo;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SurveyDocuments extends MongoRepository<SurveyDocument, String> {}
