package dev.aftersales.followup.quality.adapter.mongo;

import org.springframework.data.mongodb.repository.MongoRepository;

interface MachineDocuments extends MongoRepository<MachineDocument, String> {}
