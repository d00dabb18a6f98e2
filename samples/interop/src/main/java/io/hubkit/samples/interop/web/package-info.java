/**
 * The HTTP side of the test contract: the CORS echo, redirects, negotiate cookies, the bad-negotiate
 * endpoint, and the token, client-result and deployment endpoints.
 */
package io.hubkit.samples.interop.web;
