/** Unit tests of the routing core: two instances on an in-process bus, recording clients and servers. */
package io.hubkit.service.routing;
