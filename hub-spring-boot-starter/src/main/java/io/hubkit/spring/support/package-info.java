/**
 * Small concurrency helpers the starter's packages share, such as a non-blocking mutex for
 * asynchronous work.
 */
package io.hubkit.spring.support;
