package dev.aftersales.followup.survey.domain;

/** One SERVQUAL statement, answered twice on 1–7: what the customer expects, and what they perceived. */
public record Question(String id, ServqualDimension dimension, String text) {}
