/**
 * The command line ({@code java -jar benchmarks.jar <command>}): one command per scenario, the
 * check mode, the whole suite and the JMH micro-benchmarks. Commands start the servers under test,
 * run the scenarios against them, stop them, and write the report.
 */
package io.hubkit.benchmarks.cli;
