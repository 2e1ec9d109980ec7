-- The team's decisions about a concern live on its row: there is one triage, one assignment and one closing at a
-- time, and the detail view reads them together. Earlier decisions are not kept as history (SKP keeps no
-- journal); the audit trail says who changed what, and when, without the content.
ALTER TABLE concern
    ADD COLUMN changed_at          timestamptz,
    -- Triage: what the team decided SKP does with the concern.
    ADD COLUMN triage_outcome      text,
    ADD COLUMN priority            text,
    ADD COLUMN target_groups       text[],
    ADD COLUMN district            text,
    ADD COLUMN triage_reason       text,
    ADD COLUMN redirected_to       text,
    ADD COLUMN duplicate_of        uuid REFERENCES concern (id) ON DELETE SET NULL,
    ADD COLUMN triaged_at          timestamptz,
    ADD COLUMN triaged_by          text,
    -- Assignment: assigned_to (V2) is the contact person's OIDC subject.
    ADD COLUMN assigned_at         timestamptz,
    -- Closing: why the work ended.
    ADD COLUMN closing_reason      text,
    ADD COLUMN handed_over_to      text,
    ADD COLUMN closing_note        text,
    ADD COLUMN attempts_at_closing integer,
    ADD COLUMN closed_at           timestamptz,
    ADD COLUMN closed_by           text,
    -- Whether visits go alone or in pairs, when a coordinator has decided; otherwise the briefing suggests.
    ADD COLUMN visit_team          text,
    -- Concerns about the same person share a link group; their texts stay apart.
    ADD COLUMN link_group          uuid;

UPDATE concern SET changed_at = registered_at;
ALTER TABLE concern ALTER COLUMN changed_at SET NOT NULL;

CREATE INDEX concern_link_group_idx ON concern (link_group) WHERE link_group IS NOT NULL;
-- What a contact person may claim: triaged and nobody's yet, newest first.
CREATE INDEX concern_claimable_idx ON concern (received_at DESC, id DESC) WHERE status = 'TRIAGED' AND assigned_to IS NULL;
CREATE INDEX concern_district_idx ON concern (lower(district), received_at DESC, id DESC) WHERE district IS NOT NULL;
