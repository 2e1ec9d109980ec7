-- Finding the same person: search by what the report says, and "possibly the same person" suggestions.
--
-- pg_trgm gives similarity of texts (a misspelt street still finds the address). The staff role may not create an
-- extension (that needs CREATE on the database), so DatabaseBootstrap makes it in this schema; this line is a no-op
-- then, and documents what the migration needs on a database made some other way.
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA staff;

-- What search reads, taken from the report: generated, so they follow the report everywhere it changes. Retention
-- replaces the report with its coarse remains (PersonalData.coarse), and these columns become NULL with it: nothing
-- personal stays behind in a column or an index once a concern is erased. The reporter's name, phone and e-mail
-- (erased as the work ends) are never taken.
ALTER TABLE concern
    ADD COLUMN search_address      text GENERATED ALWAYS AS (nullif(btrim(report #>> '{whereabouts,address}'), '')) STORED,
    ADD COLUMN search_postcode     text GENERATED ALWAYS AS (nullif(btrim(report #>> '{whereabouts,postcode}'), '')) STORED,
    ADD COLUMN search_place        text GENERATED ALWAYS AS (nullif(btrim(report #>> '{whereabouts,placeDescription}'), '')) STORED,
    ADD COLUMN search_name         text GENERATED ALWAYS AS (nullif(btrim(report #>> '{person,name}'), '')) STORED,
    ADD COLUMN search_organisation text GENERATED ALWAYS AS (nullif(btrim(report #>> '{reporter,organisation}'), '')) STORED,
    -- Danish full text: "drikker" finds "drikke", "bænken" finds "bænk".
    ADD COLUMN search_appearance   tsvector GENERATED ALWAYS AS (
        to_tsvector('danish'::regconfig, coalesce(report #>> '{person,appearance}', ''))) STORED,
    ADD COLUMN search_text         tsvector GENERATED ALWAYS AS (to_tsvector('danish'::regconfig,
        coalesce(report #>> '{observations,description}', '') || ' ' ||
        coalesce(report #>> '{observations,safetyNotes}', '') || ' ' ||
        coalesce(report #>> '{person,name}', '') || ' ' ||
        coalesce(report #>> '{person,appearance}', '') || ' ' ||
        coalesce(report #>> '{whereabouts,address}', '') || ' ' ||
        coalesce(report #>> '{whereabouts,placeDescription}', '') || ' ' ||
        coalesce(report #>> '{whereabouts,usualTimes}', '') || ' ' ||
        coalesce(report #>> '{reporter,organisation}', ''))) STORED;

-- Only concerns whose personal data is not erased take part in search (ConcernSearchRepository says erased_at IS
-- NULL in every query), so the indexes hold only those: over the years most rows are statistics.
CREATE INDEX concern_search_address_idx ON concern USING gin (search_address gin_trgm_ops) WHERE erased_at IS NULL;
CREATE INDEX concern_search_place_idx ON concern USING gin (search_place gin_trgm_ops) WHERE erased_at IS NULL;
CREATE INDEX concern_search_name_idx ON concern USING gin (search_name gin_trgm_ops) WHERE erased_at IS NULL;
CREATE INDEX concern_search_organisation_idx ON concern USING gin (search_organisation gin_trgm_ops) WHERE erased_at IS NULL;
CREATE INDEX concern_search_appearance_idx ON concern USING gin (search_appearance) WHERE erased_at IS NULL;
CREATE INDEX concern_search_text_idx ON concern USING gin (search_text) WHERE erased_at IS NULL;
CREATE INDEX concern_search_postcode_idx ON concern (search_postcode, received_at DESC, id DESC) WHERE erased_at IS NULL;
