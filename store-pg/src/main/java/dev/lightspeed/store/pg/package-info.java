/**
 * The production stores: sessions, the blob catalog and workspaces in PostgreSQL (schema managed by
 * {@link dev.lightspeed.store.pg.Migrations}), large blobs in an S3-compatible object store. Every row and
 * object key is scoped by universe.
 */
package dev.lightspeed.store.pg;
