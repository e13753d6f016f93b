/** Context methods ({@code session/context/append|remove|compact}) and the wire views of context entries. */
package dev.lightspeed.server.context;
