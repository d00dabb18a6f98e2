/** End-to-end tests of Spring Security on hubs: real HS256 JWTs, the official JS client. */
package io.hubkit.spring.security;
