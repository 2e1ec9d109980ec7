// Types of the answers the client reads beyond the generated ones: staff-api's OpenAPI document marks no response
// field as required, so these say what the server always sends (GET /api/v1/me, the inbox, a concern's history),
// derived from the generated types so that a change of the API still breaks the build.
import type { Schemas } from './client';

export type Role = 'coordinator' | 'contact-person' | 'admin';

/** GET /api/v1/me */
export interface Me {
    subject: NonNullable<Schemas['Me']['subject']>;
    name: NonNullable<Schemas['Me']['name']>;
    roles: Role[];
    contactPersonId: Schemas['Me']['contactPersonId'] | null;
}

export type Attention = NonNullable<Schemas['InboxItem']['attention']>;

/** An item of GET /api/v1/concerns/inbox, flattened: the concern's summary with why it is where it is. */
export type InboxItem = Schemas['ConcernSummary'] & {
    attention?: Attention;
    indicators?: Schemas['InboxItem']['indicators'];
    unreadAnswer?: Schemas['InboxItem']['unreadAnswer'];
};

export interface InboxPage {
    items: InboxItem[];
    next: string | null;
}

/** ConcernDetails.history[] */
export type HistoryEntry = Schemas['HistoryEntry'];

export type ConcernWithHistory = Schemas['ConcernDetails'];
