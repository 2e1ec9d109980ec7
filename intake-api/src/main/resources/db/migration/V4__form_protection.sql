-- Proofs that the public form's spam protection accepted: ALTCHA challenges (kind 'altcha') and signed form tokens
-- (kind 'form'), each usable once. A row only has to outlive the proof's own expiry, after which the signature check
-- refuses the proof anyway; expired rows are deleted as new ones come in. Holds no personal data.
CREATE TABLE spent_proof (
    kind       text        NOT NULL,
    signature  text        NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (kind, signature)
);

CREATE INDEX spent_proof_expires_at ON spent_proof (expires_at);
