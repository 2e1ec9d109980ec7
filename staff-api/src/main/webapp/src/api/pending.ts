// REPLACE when staff-api's OpenAPI document has them: types of the answers that are being added on the server
// (GET /api/v1/me, GET /api/v1/concerns/inbox, ConcernDetails.history). Written from the agreed contract; once the
// spec has them, import the generated types from ./schema instead and delete this file.
import type { Schemas } from './client';

export type Role = 'coordinator' | 'contact-person' | 'admin';

/** GET /api/v1/me */
export interface Me {
    subject: string;
    name: string;
    roles: Role[];
    contactPersonId: string | null;
}

export type Attention = 'ACUTE' | 'URGENT' | 'OVERDUE' | 'DUE_SOON' | 'NONE';

/** An item of GET /api/v1/concerns/inbox: a ConcernSummary with what needs action. */
export type InboxItem = Schemas['ConcernSummary'] & {
    attention?: Attention;
    indicators?: string[];
};

export interface InboxPage {
    items: InboxItem[];
    next: string | null;
}

/** ConcernDetails.history[] */
export interface HistoryEntry {
    at: string;
    action: string;
    actor: string | null;
}

export type ConcernWithHistory = Schemas['ConcernDetails'] & { history?: HistoryEntry[] };
