package dev.aftersales.chassis.testapp;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface Tickets extends MongoRepository<Ticket, String> {}
