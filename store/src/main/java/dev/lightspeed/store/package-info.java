/** Storage identities and the base of every storage exception: universe (tenant) and session ids. */
package dev.lightspeed.store;
