-- Search (ConcernSearchRepository) with several criteria, such as an address and a word: one GIN index over every
-- search column instead of one per column, so that PostgreSQL intersects the criteria inside the index and reads only
-- the concerns that may match all of them. With one index per column it read every concern whose address shared
-- enough trigrams ("Vestergade 12": ~9,600 of 225,000 concerns, each rechecked with word_similarity) and only then
-- looked at the word. A multicolumn GIN index serves any subset of its columns as well as one of its own would, so
-- searches by one criterion and the "possibly the same person" queries read it too. Only concerns not erased, as before.
DROP INDEX concern_search_address_idx;
DROP INDEX concern_search_place_idx;
DROP INDEX concern_search_name_idx;
DROP INDEX concern_search_organisation_idx;
DROP INDEX concern_search_appearance_idx;
DROP INDEX concern_search_text_idx;
CREATE INDEX concern_search_idx ON concern USING gin (search_address gin_trgm_ops, search_place gin_trgm_ops,
    search_name gin_trgm_ops, search_organisation gin_trgm_ops, search_appearance, search_text) WHERE erased_at IS NULL;
