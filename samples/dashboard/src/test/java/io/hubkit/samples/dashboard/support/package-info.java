/** What the dashboard's browser test needs besides the starter's Node harness: finding Debian's chromium. */
package io.hubkit.samples.dashboard.support;
