/** Tests of the service backplane's Spring wiring: properties, negotiate redirect, defaults. */
package io.hubkit.spring.service;
