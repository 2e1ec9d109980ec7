// A contact person's lists, made for a phone: "my concerns" (the API gives a contact person only their own) and
// "claimable" (triaged, nobody holds them) with a claim button on each.
import { html, nothing, type TemplateResult } from 'lit-html';
import { ApiError, api, unwrap, type Schemas } from '../api/client';
import { label } from '../i18n';
import { t } from '../i18n/messages';
import { navigate } from '../router';
import type { Screen, ScreenContext } from '../screen';
import { alert, badge, codeList, icon, pageHeading, problem, refreshBar, spinner, statusBadge, urgencyBadges } from '../ui/components';
import { dateTime, deadline, isPast, relative } from '../ui/format';

type Summary = Schemas['ConcernSummary'];

/** A concern as a card; a claimable one is not linked, as a contact person may read it only once it is theirs. */
function card(c: Summary, action: TemplateResult | typeof nothing = nothing, linked = true): TemplateResult {
    const m = t();
    const due = c.firstAttemptDueAt;
    return html`<li class="skp-card">
        <h2 class="h4 skp-card-title">${linked ? html`<a href="/concerns/${c.id}" class="skp-ref">${c.reference}</a>` : html`<span class="skp-ref">${c.reference}</span>`}</h2>
        <p class="skp-badges">${statusBadge(c.status)} ${urgencyBadges(c.urgency, c.acuteDanger)}
            ${c.priority ? badge(`${m.priority}: ${label('Priority', c.priority)}`, c.priority === 'HIGH' ? 'warning' : 'none') : nothing}</p>
        <dl class="skp-dl skp-dl-compact">
            ${c.district ? html`<div class="skp-dl-row"><dt>${m.district}</dt><dd>${c.district}</dd></div>` : nothing}
            ${c.targetGroups?.length ? html`<div class="skp-dl-row"><dt>${m.targetGroups}</dt><dd>${codeList('TargetGroup', c.targetGroups)}</dd></div>` : nothing}
            ${due ? html`<div class="skp-dl-row"><dt>${m.factFirstAttemptDue}</dt><dd class=${isPast(due) ? 'skp-overdue' : ''}>${deadline(due)} (${relative(due)})</dd></div>` : nothing}
            <div class="skp-dl-row"><dt>${m.factReceived}</dt><dd>${dateTime(c.receivedAt)}</dd></div>
        </dl>
        ${action}
    </li>`;
}

function listScreen(ctx: ScreenContext, kind: 'mine' | 'claimable'): Screen {
    let items: Summary[] | null = null;
    let next: string | null = null;
    let error: unknown = null;
    let busy = false;
    let claiming: string | null = null;
    let claimProblem: { id: string; error: unknown } | null = null;
    let loadedAt: Date | null = null;

    async function load(after: string | null) {
        busy = true;
        error = null;
        ctx.update();
        try {
            const query = { limit: 50, ...(after ? { after } : {}) };
            const { data } = kind === 'mine'
                ? await unwrap(api.GET('/api/v1/concerns', { params: { query: { ...query, assignedTo: ctx.me.subject } } }))
                : await unwrap(api.GET('/api/v1/concerns/claimable', { params: { query } }));
            if (!ctx.active()) return;
            const open = (data.items ?? []).filter((c) => kind === 'claimable' || ['ASSIGNED', 'IN_CONTACT'].includes(c.status ?? ''));
            items = after && items ? [...items, ...open] : open;
            next = data.next ?? null;
            if (!after) loadedAt = new Date();
        } catch (e) {
            error = e;
        }
        busy = false;
        ctx.update();
    }
    void load(null);

    async function claim(c: Summary) {
        claiming = c.id!;
        claimProblem = null;
        ctx.update();
        try {
            await unwrap(api.POST('/api/v1/concerns/{id}/claim', { params: { path: { id: c.id! }, header: { 'If-Match': `"${c.version ?? 0}"` } } }));
            navigate(`/concerns/${c.id}`);
            return;
        } catch (e) {
            claimProblem = { id: c.id!, error: e };
            if (e instanceof ApiError && [404, 409, 412].includes(e.status)) void load(null);
        }
        claiming = null;
        ctx.update();
    }

    function claimAction(c: Summary) {
        const m = t();
        const cp = claimProblem;
        const p = cp && cp.id === c.id ? cp.error : null;
        return html`${p
            ? html`<div role="alert">${alert('warning', m.claimFailed, p instanceof ApiError && [404, 409, 412].includes(p.status) ? m.claimTakenMeanwhile : (p as Error).message)}</div>`
            : nothing}
            <p><button type="button" class="button button-primary skp-button-block" ?disabled=${claiming === c.id}
                aria-label=${m.claimReference(c.reference ?? '')} @click=${() => void claim(c)}>${icon('person-add')}${claiming === c.id ? m.saving : m.claim}</button></p>`;
    }

    const heading = () => (kind === 'mine' ? t().mineTitle : t().claimableTitle);
    return {
        title: heading,
        view() {
            const m = t();
            return html`${pageHeading(heading())}
                <p class="font-lead">${kind === 'mine' ? m.mineLead : m.claimableLead}</p>
                ${items ? refreshBar(loadedAt, busy, () => void load(null)) : nothing}
                ${error ? problem(error, () => void load(null)) : nothing}
                ${items == null && !error ? spinner() : nothing}
                ${items && items.length === 0 ? html`<p>${kind === 'mine' ? m.mineEmpty : m.claimableEmpty}</p>` : nothing}
                ${items && items.length ? html`<ul class="skp-cards" data-testid="${kind}-list">${items.map((c) => (kind === 'claimable' ? card(c, claimAction(c), false) : card(c)))}</ul>` : nothing}
                ${next ? html`<p><button type="button" class="button button-secondary" ?disabled=${busy} @click=${() => void load(next)}>${busy ? m.loading : m.loadMore}</button></p>` : nothing}`;
        },
    };
}

export const mineScreen = (ctx: ScreenContext) => listScreen(ctx, 'mine');
export const claimableScreen = (ctx: ScreenContext) => listScreen(ctx, 'claimable');
