/** The content-addressed blob store SPI: put bytes, get back their sha256 ref, read them by ref. */
package dev.lightspeed.store.blob;
