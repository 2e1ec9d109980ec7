-- The staff client shows a concern's history from its audit rows, with the name of whoever acted (as the identity
-- provider gave it when they signed in; rows written before this column have none).
ALTER TABLE audit_event ADD COLUMN actor_name text;

-- The coordinator's inbox reads open concerns only (the work not ended).
CREATE INDEX concern_open_idx ON concern (received_at, id) WHERE ended_at IS NULL;
