/**
 * Negotiate through a hub service: the redirect an app server answers clients with, and the
 * client access token it signs for the service.
 */
package io.hubkit.backplane.service.negotiate;
