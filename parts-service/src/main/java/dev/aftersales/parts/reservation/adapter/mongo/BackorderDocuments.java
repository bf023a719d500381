package dev.aftersales.parts.reservation.adapter.mongo;

import org.springframework.data.mongodb.repository.MongoRepository;

interface BackorderDocuments extends MongoRepository<BackorderDocument, String> {}
