/**
 * Tests of connection strings, endpoints and access tokens against the reference SDK's vectors
 * (every connection string, the ASP.NET Core URLs and audiences, byte-exact example tokens, the
 * client-claim renaming rules) and of the validator's refusals.
 */
package io.hubkit.backplane.service.auth;
