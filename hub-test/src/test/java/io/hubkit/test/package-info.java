/** Tests of the test client against a real server: the starter on a random port. */
package io.hubkit.test;
