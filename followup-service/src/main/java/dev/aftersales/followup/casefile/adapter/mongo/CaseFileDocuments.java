package dev.aftersales.followup.casefile.adapter.mongo;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CaseFileDocuments extends MongoRepository<CaseFileDocument, String> {}
