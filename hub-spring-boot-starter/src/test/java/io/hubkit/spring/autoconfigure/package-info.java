/** Tests of the auto-configuration: beans and their replacement, properties, HubContext injection, metadata. */
package io.hubkit.spring.autoconfigure;
