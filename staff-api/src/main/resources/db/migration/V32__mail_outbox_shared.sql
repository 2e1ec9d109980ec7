-- Staff's mail outbox takes the shape of the outbox both services share (dk.skp.model.mail.MailOutbox): claimed for a
-- lease instead of locked while SMTP answers, given up (failed_at) rather than parked, and a mail given up keeps no
-- address, like intake's. The content columns (subject, body) stay staff's own.
ALTER TABLE mail_outbox RENAME COLUMN parked_at TO failed_at;
ALTER TABLE mail_outbox ADD COLUMN last_attempt_at timestamptz;
ALTER TABLE mail_outbox ALTER COLUMN id SET DEFAULT gen_random_uuid();
ALTER TABLE mail_outbox ALTER COLUMN recipient DROP NOT NULL;
UPDATE mail_outbox SET recipient = NULL WHERE failed_at IS NOT NULL;
-- A pending mail has an address; a mail given up has none, whatever the code that gave it up did.
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_address_only_while_pending
    CHECK ((failed_at IS NULL) = (recipient IS NOT NULL));
DROP INDEX mail_outbox_due_idx;
CREATE INDEX mail_outbox_due ON mail_outbox (available_at) WHERE failed_at IS NULL;
