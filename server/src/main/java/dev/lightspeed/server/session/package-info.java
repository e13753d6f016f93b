/**
 * Session methods ({@code session/start|read|list|rename|close|delete}, {@code session/config/put}) and the
 * access every method group shares: id checks, store reads and admission through the session workflow.
 */
package dev.lightspeed.server.session;
