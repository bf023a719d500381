package dev.aftersales.chassis.archfixture.bad;

/** Sits at the service's base package without being the application or its properties. */
public class Stray {}
