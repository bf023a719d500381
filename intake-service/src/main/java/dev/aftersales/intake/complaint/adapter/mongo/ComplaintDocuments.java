package dev.aftersales.intake.complaint.adapter.mongo;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ComplaintDocuments extends MongoRepository<ComplaintDocument, String> {}
