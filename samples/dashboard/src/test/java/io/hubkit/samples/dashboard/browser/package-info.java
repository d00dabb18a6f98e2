/** The dashboard page in headless Chromium. */
package io.hubkit.samples.dashboard.browser;
