package dev.lightspeed.server.session;

import dev.lightspeed.api.Methods;
import dev.lightspeed.api.session.SessionListParams;
import dev.lightspeed.api.session.SessionListResponse;
import dev.lightspeed.api.session.SessionSummaryView;
import dev.lightspeed.server.rpc.MethodTable;
import dev.lightspeed.server.rpc.RpcException;
import dev.lightspeed.store.log.SessionLifecycle;
import dev.lightspeed.store.log.SessionLog;
import dev.lightspeed.store.log.SessionSummary;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code session/list}: pages of session summaries, most recently updated first, read from the store's
 * projection without folding any log. The cursor is an opaque offset, so pages may shift while sessions
 * change, as the contract allows. Lists reach at most {@value SessionLog#MAX_LIMIT} sessions deep.
 */
final class SessionList {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 1_000;
  private static final String CURSOR_PREFIX = "offset:";

  private final Sessions sessions;
  private final DisplayNames names;

  SessionList(Sessions sessions, DisplayNames names) {
    this.sessions = sessions;
    this.names = names;
  }

  void register(MethodTable.Builder table) {
    table.on(Methods.SESSION_LIST, SessionListParams.class, this::list);
  }

  private SessionListResponse list(SessionListParams params) {
    int limit = params.limit() == null ? DEFAULT_LIMIT : (int) Math.min(params.limit(), Integer.MAX_VALUE);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw RpcException.invalidParams("limit must be between 1 and " + MAX_LIMIT + ", not " + params.limit());
    }
    int offset = params.cursor() == null ? 0 : offset(params.cursor());
    int fetch = Math.min(SessionLog.MAX_LIMIT, offset + limit + 1);
    List<SessionSummary> all = sessions.log().list(sessions.universe(), EnumSet.allOf(SessionLifecycle.class), fetch);
    List<SessionSummaryView> page = all.stream().skip(offset).limit(limit)
        .map(s -> SessionViews.summary(s, names.find(sessions.universe(), s.id()))).toList();
    boolean more = all.size() > offset + limit;
    return new SessionListResponse(page, more ? cursor(offset + limit) : null);
  }

  private static String cursor(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith(CURSOR_PREFIX)) {
        int offset = Integer.parseInt(text.substring(CURSOR_PREFIX.length()));
        if (offset >= 0) return offset;
      }
    } catch (IllegalArgumentException malformed) {
      // answered below
    }
    throw RpcException.invalidParams("cursor \"" + cursor + "\" is not one this server issued; pass the nextCursor of the previous page");
  }
}
