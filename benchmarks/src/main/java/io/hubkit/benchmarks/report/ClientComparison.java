package io.hubkit.benchmarks.report;

/**
 * The check mode's verdict for one scenario and protocol: the same offered load, the same server,
 * measured once by the HubKit load client and once by the official JavaScript client.
 *
 * @param agree   both runs completed, both saw every expected delivery (within 1 %), and their
 *                delivered rates are within 5 % of each other
 * @param verdict one sentence explaining {@code agree}
 */
public record ClientComparison(String scenario, String protocol, String parameters, ClientRun loadClient,
                               ClientRun officialClient, boolean agree, String verdict) {
}
