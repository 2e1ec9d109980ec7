// The coordinator's inbox. SWITCH when GET /api/v1/concerns/inbox is in the spec: set USE_SERVER_INBOX to true (or
// replace fromList by a typed call) — everything else reads InboxPage and does not change.
import { api, getUntyped, unwrap } from './client';
import type { Attention, InboxItem, InboxPage } from './pending';

const USE_SERVER_INBOX = false;
const OPEN = ['RECEIVED', 'REOPENED', 'TRIAGED', 'ASSIGNED', 'IN_CONTACT'] as const;
const DUE_SOON_MS = 24 * 60 * 60 * 1000;

export async function loadInbox(after: string | null, limit = 50): Promise<InboxPage> {
    if (USE_SERVER_INBOX) {
        const query = new URLSearchParams({ limit: String(limit) });
        if (after) query.set('after', after);
        return getUntyped<InboxPage>(`/api/v1/concerns/inbox?${query}`);
    }
    return fromList();
}

/** Until the server ranks the inbox: the open concerns from the list (up to 100 per status), ranked here. */
async function fromList(): Promise<InboxPage> {
    const pages = await Promise.all(
        OPEN.map((status) => unwrap(api.GET('/api/v1/concerns', { params: { query: { status, limit: 100 } } }))),
    );
    const now = Date.now();
    const items: InboxItem[] = pages.flatMap((page) => page.data.items ?? []).map((item) => ({
        ...item,
        attention: attentionOf(item, now),
    }));
    items.sort(byAttention);
    return { items, next: null };
}

export function dueAt(item: InboxItem): string | null | undefined {
    return item.triageDueAt ?? item.firstAttemptDueAt;
}

export function attentionOf(item: InboxItem, now: number): Attention {
    if (item.acuteDanger) return 'ACUTE';
    if (item.urgency === 'URGENT') return 'URGENT';
    const due = dueAt(item);
    if (due) {
        const left = Date.parse(due) - now;
        if (left < 0) return 'OVERDUE';
        if (left < DUE_SOON_MS) return 'DUE_SOON';
    }
    return 'NONE';
}

const RANK: Record<Attention, number> = { ACUTE: 0, URGENT: 1, OVERDUE: 2, DUE_SOON: 3, NONE: 4 };

function byAttention(a: InboxItem, b: InboxItem): number {
    return (
        RANK[a.attention ?? 'NONE'] - RANK[b.attention ?? 'NONE'] ||
        (Date.parse(dueAt(a) ?? '9999') - Date.parse(dueAt(b) ?? '9999')) ||
        Date.parse(a.receivedAt ?? '') - Date.parse(b.receivedAt ?? '')
    );
}
