/** File-system stores, the local default: sharded blob files and one JSONL log per session, both under one root. */
package dev.lightspeed.store.fs;
