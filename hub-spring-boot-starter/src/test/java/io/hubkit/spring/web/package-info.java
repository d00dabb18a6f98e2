/** Tests of the HTTP endpoints: negotiate and the status codes of the transport path. */
package io.hubkit.spring.web;
