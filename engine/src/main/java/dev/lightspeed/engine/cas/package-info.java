/** Content addressing: blob refs and the well-known blobs every store carries. */
package dev.lightspeed.engine.cas;
