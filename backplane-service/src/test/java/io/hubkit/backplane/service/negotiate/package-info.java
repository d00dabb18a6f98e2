/** Tests of the negotiate redirect and its client token. */
package io.hubkit.backplane.service.negotiate;
