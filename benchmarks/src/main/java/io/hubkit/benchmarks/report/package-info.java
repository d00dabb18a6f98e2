/**
 * The report: the result model every scenario fills in (plain records, written as JSON as they
 * are), the Markdown summary with the ratios between HubKit, its peers and the ceiling, and the PNG
 * charts.
 */
package io.hubkit.benchmarks.report;
