/**
 * Fixture services for {@code ArchitectureRulesTest}: {@code bad} breaks every rule of
 * {@code ArchitectureRules} once on purpose, {@code clean} keeps them all. Never used at run time.
 */
package dev.aftersales.chassis.archfixture;
