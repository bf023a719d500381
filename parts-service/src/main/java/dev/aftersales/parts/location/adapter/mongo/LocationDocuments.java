package dev.aftersales.parts.location.adapter.mongo;

import org.springframework.data.mongodb.repository.MongoRepository;

interface LocationDocuments extends MongoRepository<LocationDocument, String> {}
