-- The team's contact persons, managed by an admin. The OIDC subject links a person to their token; concerns are
-- assigned by it. It cannot change: assignments and audit rows refer to it.
CREATE TABLE contact_person (
    id           uuid        PRIMARY KEY,
    subject      text        NOT NULL UNIQUE,
    name         text        NOT NULL,
    email        text        NOT NULL,
    districts    text[]      NOT NULL DEFAULT '{}',
    capacity     integer     NOT NULL CHECK (capacity >= 0),
    absent_until date,
    created_at   timestamptz NOT NULL
);

-- Only registered contact persons can hold concerns. Deleting one is refused by the service while they hold open
-- concerns; their closed concerns then forget them.
ALTER TABLE concern ADD CONSTRAINT concern_assigned_to_fk
    FOREIGN KEY (assigned_to) REFERENCES contact_person (subject) ON DELETE SET NULL;
