package dev.aftersales.chassis.archfixture.clean;

public class FixtureApplication {}
