/** Byte-faithful handling of provider-native JSON. */
package dev.lightspeed.llm.json;
