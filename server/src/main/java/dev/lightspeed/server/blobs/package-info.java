/** {@code blobs/put|read|has}: the content-addressed store, reached over base64. */
package dev.lightspeed.server.blobs;
