-- One append as one round trip: lock the session row, check the expected head, insert the batch, move the
-- projection, all in the caller's (auto-committed) transaction. The caller computes what the batch does to
-- the lifecycle: p_lifecycle and p_closed_at_seq are NULL when the batch holds no lifecycle event.
-- outcome is 'appended', 'conflict' (nothing written; head is the session's) or 'not_found'.
CREATE FUNCTION lightspeed_append(
    p_universe text, p_session text, p_expected_head bigint, p_entries text[],
    p_lifecycle text, p_closed_at_seq bigint, p_now_ms bigint)
  RETURNS TABLE (outcome text, head bigint, lifecycle text, created_at_ms bigint, updated_at_ms bigint, closed_at_seq bigint)
  LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  s sessions%ROWTYPE;
BEGIN
  SELECT * INTO s FROM sessions x WHERE x.universe_id = p_universe AND x.session_id = p_session FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'not_found'::text, 0::bigint, NULL::text, 0::bigint, 0::bigint, 0::bigint;
    RETURN;
  END IF;
  IF s.head <> p_expected_head THEN
    RETURN QUERY SELECT 'conflict'::text, s.head, s.lifecycle, s.created_at_ms, s.updated_at_ms, s.closed_at_seq;
    RETURN;
  END IF;
  INSERT INTO session_events (universe_id, session_id, entry, entry_text)
    SELECT p_universe, p_session, t::jsonb, t FROM unnest(p_entries) AS t;
  UPDATE sessions x SET
      head = s.head + cardinality(p_entries),
      lifecycle = COALESCE(p_lifecycle, s.lifecycle),
      closed_at_seq = COALESCE(p_closed_at_seq, s.closed_at_seq),
      updated_at_ms = p_now_ms
    WHERE x.universe_id = p_universe AND x.session_id = p_session
    RETURNING 'appended'::text, x.head, x.lifecycle, x.created_at_ms, x.updated_at_ms, x.closed_at_seq
    INTO outcome, head, lifecycle, created_at_ms, updated_at_ms, closed_at_seq;
  RETURN NEXT;
END $$;
