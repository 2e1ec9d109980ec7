// Admin: the audit trail, for one concern (by its reference or id: GET /api/v1/audit finds the concern for an admin,
// who may not read it), by actor and period.
import { html, nothing, type TemplateResult } from 'lit-html';
import { ApiError, api, unwrap, type Schemas } from '../api/client';
import { label } from '../i18n';
import { t } from '../i18n/messages';
import type { Screen, ScreenContext } from '../screen';
import { pageHeading, problem, spinner } from '../ui/components';
import { dateTime } from '../ui/format';
import { errorSummary, FormErrors, focusSoon, textField } from '../ui/forms';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function auditScreen(ctx: ScreenContext): Screen {
    const filter = {
        concern: ctx.query.get('concern') ?? '',
        actor: ctx.query.get('actor') ?? '',
        from: ctx.query.get('from') ?? '',
        to: ctx.query.get('to') ?? '',
    };
    let rows: Schemas['AuditEntry'][] | null = null;
    let next: string | null = null;
    let error: unknown = null;
    let formErrors: FormErrors | null = null;
    let busy = false;
    // The concern as asked for: its id, or its reference (the server finds the concern; an admin may not read it).
    let asked: { concern?: string; reference?: string } = {};

    async function load(after: string | null) {
        busy = true;
        error = null;
        ctx.update();
        try {
            const query: Record<string, string | number> = { limit: 100 };
            Object.assign(query, asked);
            if (filter.actor.trim()) query.actor = filter.actor.trim();
            if (filter.from) query.from = filter.from;
            if (filter.to) query.to = filter.to;
            if (after) query.after = after;
            const { data } = await unwrap(api.GET('/api/v1/audit', { params: { query } }));
            if (!ctx.active()) return;
            rows = after && rows ? [...rows, ...(data.items ?? [])] : data.items ?? [];
            next = data.next ?? null;
        } catch (e) {
            if (e instanceof ApiError && e.fieldErrors.length) {
                formErrors = FormErrors.fromProblem(e, (f) => (f === 'reference' ? 'audit-concern' : ['concern', 'actor', 'from', 'to'].includes(f) ? `audit-${f}` : null));
                focusSoon('audit-errors');
            } else error = e;
        }
        busy = false;
        ctx.update();
    }

    async function submit(e?: Event) {
        e?.preventDefault();
        const m = t();
        const errors = new FormErrors();
        const concern = filter.concern.trim();
        asked = !concern ? {} : UUID.test(concern) ? { concern } : { reference: concern };
        if (filter.from && !DATE.test(filter.from)) errors.add('audit-from', m.enterDate);
        if (filter.to && !DATE.test(filter.to)) errors.add('audit-to', m.enterDate);
        if (errors.empty && filter.from && filter.to && filter.from > filter.to) errors.add('audit-to', m.toBeforeFrom);
        formErrors = errors.empty ? null : errors;
        if (formErrors) {
            ctx.update();
            focusSoon('audit-errors');
            return;
        }
        const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v.trim()));
        history.replaceState(null, '', `/admin/audit${query.size ? `?${query}` : ''}`);
        await load(null);
    }
    if (filter.concern || filter.actor || filter.from || filter.to) void submit();

    function details(d: Record<string, unknown> | null | undefined): TemplateResult | typeof nothing {
        if (!d) return nothing;
        return html`<ul class="skp-details-list">${Object.entries(d).map(([k, v]) => html`<li><span class="skp-muted">${k}:</span> ${typeof v === 'object' ? JSON.stringify(v) : String(v)}</li>`)}</ul>`;
    }

    return {
        title: () => t().auditTitle,
        view() {
            const m = t();
            return html`${pageHeading(m.auditTitle)}
                <p class="font-lead">${m.auditLead}</p>
                <form class="skp-panel" @submit=${submit} novalidate aria-label=${m.auditFilter}>
                    ${errorSummary(formErrors, 'audit-errors')}
                    ${textField({ id: 'audit-concern', label: m.auditConcern, hint: m.referenceOrIdHint, value: filter.concern, optional: true, error: formErrors?.of('audit-concern'), onInput: (v) => (filter.concern = v), inputClasses: 'input-width-l' })}
                    ${textField({ id: 'audit-actor', label: m.auditActor, hint: m.auditActorHint, value: filter.actor, optional: true, error: formErrors?.of('audit-actor'), onInput: (v) => (filter.actor = v), inputClasses: 'input-width-m' })}
                    <div class="skp-period-row">
                        ${textField({ id: 'audit-from', label: m.fromDate, type: 'date', value: filter.from, optional: true, error: formErrors?.of('audit-from'), onInput: (v) => (filter.from = v), inputClasses: 'input-width-s' })}
                        ${textField({ id: 'audit-to', label: m.toDate, type: 'date', value: filter.to, optional: true, error: formErrors?.of('audit-to'), onInput: (v) => (filter.to = v), inputClasses: 'input-width-s' })}
                    </div>
                    <button type="submit" class="button button-primary" ?disabled=${busy}>${m.showAudit}</button>
                </form>
                ${error ? problem(error, () => void load(null)) : nothing}
                ${busy && !rows ? spinner() : nothing}
                ${rows && rows.length === 0 ? html`<p role="status">${m.noAuditRows}</p>` : nothing}
                ${rows && rows.length ? html`
                    <h2>${m.auditRows} <span class="skp-count">(${rows.length}${next ? '+' : ''})</span></h2>
                    <div class="table--responsive-scroll" tabindex="0" role="region" aria-labelledby="audit-caption">
                        <table class="table table--compact skp-table-cards" data-testid="audit-table">
                            <caption id="audit-caption" class="sr-only">${m.auditRows}</caption>
                            <thead><tr><th scope="col">${m.colWhen}</th><th scope="col">${m.colWho}</th><th scope="col">${m.colWhat}</th><th scope="col">${m.colConcern}</th><th scope="col">${m.colDetails}</th></tr></thead>
                            <tbody>${rows.map((r) => html`<tr>
                                <td data-title=${m.colWhen}><time datetime=${r.occurredAt ?? ''}>${dateTime(r.occurredAt)}</time></td>
                                <td data-title=${m.colWho}>${r.actorName ?? r.actor}${r.actorRoles?.length ? html`<br /><span class="skp-muted">${r.actorRoles.map((role) => label('Role', role)).join(', ')}</span>` : nothing}</td>
                                <td data-title=${m.colWhat}>${label('HistoryAction', r.action)} <span class="skp-muted">(${r.action})</span></td>
                                <td data-title=${m.colConcern}>${r.concernId ? html`<code class="skp-id">${r.concernId}</code>` : ''}</td>
                                <td data-title=${m.colDetails}>${details(r.details as Record<string, unknown> | null)}</td>
                            </tr>`)}</tbody>
                        </table>
                    </div>
                    ${next ? html`<p><button type="button" class="button button-secondary" ?disabled=${busy} @click=${() => void load(next)}>${busy ? m.loading : m.loadMore}</button></p>` : nothing}` : nothing}`;
        },
    };
}
