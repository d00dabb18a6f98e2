/** Tests of the interop server's bearer tokens. */
package io.hubkit.samples.interop.security;
