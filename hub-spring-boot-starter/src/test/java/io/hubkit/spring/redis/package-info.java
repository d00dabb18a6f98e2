/**
 * The Redis backplane wired by the starter: the auto-configuration and its properties, the health
 * indicator, and three app servers on one Redis serving the official JavaScript client.
 */
package io.hubkit.spring.redis;
