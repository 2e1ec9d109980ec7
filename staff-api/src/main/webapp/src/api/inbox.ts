// The coordinator's inbox: open concerns, what needs action first, ranked by the server
// (GET /api/v1/concerns/inbox), each item flattened to the concern's summary with its attention and indicators.
import { api, unwrap } from './client';
import type { InboxItem, InboxPage } from './answers';

export async function loadInbox(after: string | null, limit = 50): Promise<InboxPage> {
    const page = await unwrap(api.GET('/api/v1/concerns/inbox', { params: { query: { limit, ...(after ? { after } : {}) } } }));
    return {
        items: (page.data.items ?? []).map((item) => ({ ...item.concern, attention: item.attention, indicators: item.indicators, unreadAnswer: item.unreadAnswer })),
        next: page.data.next ?? null,
    };
}

/** The earliest open deadline: triage while it waits for triage, else the first contact attempt. */
export function dueAt(item: InboxItem): string | null | undefined {
    return item.triageDueAt ?? item.firstAttemptDueAt;
}
