// Search concerns (/search): find earlier concerns about the same person. The criteria are personal data, so they are
// sent in a POST body and never put in the address (it would stay in the browser's history and in proxies' logs); the
// last search stays in memory only, so that going back from a concern shows it again.
import { html, nothing, type TemplateResult } from 'lit-html';
import { ApiError, api, unwrap, type Schemas } from '../api/client';
import { codesOf, label } from '../i18n';
import { t } from '../i18n/messages';
import type { Screen, ScreenContext } from '../screen';
import { badge, pageHeading, problem, spinner, statusBadge, urgencyBadges } from '../ui/components';
import { FormErrors, errorSummary, focusSoon, options, selectField, textField } from '../ui/forms';
import { dateTime } from '../ui/format';

type Hit = Schemas['SearchHit'];
type Reason = Schemas['MatchReason'];
type Request = Schemas['ConcernSearchRequest'];

const TEXT_FIELDS = ['q', 'address', 'postcode', 'place', 'personName', 'appearance', 'reporterOrganisation'] as const;
const MORE_FIELDS = ['place', 'personName', 'appearance', 'reporterRole', 'reporterOrganisation', 'status', 'receivedFrom', 'receivedTo'];
type Field = (typeof TEXT_FIELDS)[number] | 'reporterRole' | 'status' | 'receivedFrom' | 'receivedTo';

/** Why a concern was found or suggested, as one line: "Adresse (ligner, lighed 72 %), Postnummer (samme)". */
export function reasonsText(reasons: readonly Reason[] | undefined): string {
    const m = t();
    return (reasons ?? []).map((r) => {
        const how = [label('MatchKind', r.match), r.match === 'SIMILAR' && r.similarity != null ? m.similarity(r.similarity) : '']
            .filter(Boolean).join(', ');
        return `${label('MatchedField', r.field)} (${how})`;
    }).join(', ');
}

/** What the last search asked and found; kept while the app runs, never stored. */
const last = {
    criteria: {} as Record<Field, string>,
    items: null as Hit[] | null,
    next: null as string | null,
    request: null as Request | null,
};

export function searchScreen(ctx: ScreenContext): Screen {
    const criteria = last.criteria;
    let errors: FormErrors | null = null;
    let error: unknown = null;
    let busy = false;
    let more = MORE_FIELDS.some((f) => criteria[f as Field]);

    function request(): Request {
        const body: Record<string, string> = {};
        for (const [field, value] of Object.entries(criteria)) {
            if (value && value.trim()) body[field] = value.trim();
        }
        return body as Request;
    }

    async function run(after: string | null) {
        const body = after && last.request ? { ...last.request, after } : request();
        if (!after && Object.keys(body).length === 0) {
            errors = new FormErrors();
            errors.add('search-q', t().searchNoCriteria);
            ctx.update();
            focusSoon('errors-search');
            return;
        }
        busy = true;
        error = null;
        errors = null;
        ctx.update();
        try {
            const { data } = await unwrap(api.POST('/api/v1/concerns/search', { body }));
            if (!ctx.active()) return;
            last.items = after && last.items ? [...last.items, ...(data.items ?? [])] : data.items ?? [];
            last.next = data.next ?? null;
            last.request = after ? last.request : body;
            if (!after) focusSoon('search-results');
        } catch (e) {
            if (e instanceof ApiError && (e.status === 422 || e.status === 400)) {
                errors = FormErrors.fromProblem(e, (field) => `search-${field}`);
                if (errors.summary.some((s) => MORE_FIELDS.some((f) => s.target === `search-${f}`))) more = true;
                focusSoon('errors-search');
            } else {
                error = e;
            }
        }
        busy = false;
        ctx.update();
    }

    function submit(e: Event) {
        e.preventDefault();
        void run(null);
    }

    function clear() {
        for (const key of Object.keys(criteria)) delete criteria[key as Field];
        last.items = null;
        last.next = null;
        last.request = null;
        errors = null;
        ctx.update();
    }

    function text(field: Field, labelText: string, extra: Partial<Parameters<typeof textField>[0]> = {}) {
        return textField({
            id: `search-${field}`,
            label: labelText,
            value: criteria[field] ?? '',
            error: errors?.of(`search-${field}`),
            optional: true,
            onInput: (v) => (criteria[field] = v),
            maxlength: 200,
            inputClasses: 'input-width-l',
            ...extra,
        });
    }

    function select(field: Field, labelText: string, vocabulary: 'ReporterRole' | 'ConcernStatus') {
        return selectField({
            id: `search-${field}`,
            label: labelText,
            value: criteria[field] ?? '',
            error: errors?.of(`search-${field}`),
            optional: true,
            placeholder: t().searchAny,
            options: options(codesOf(vocabulary), (code) => label(vocabulary, code)),
            onInput: (v) => (criteria[field] = v),
        });
    }

    function form(): TemplateResult {
        const m = t();
        return html`<form class="skp-search-form" @submit=${submit} novalidate aria-label=${m.searchForm}>
            ${errorSummary(errors, 'errors-search')}
            ${text('q', m.searchQ, { hint: m.searchQHint })}
            ${text('address', m.searchAddress, { autocomplete: 'off' })}
            ${text('postcode', m.searchPostcode, { inputmode: 'numeric', maxlength: 4, inputClasses: 'input-width-xs' })}
            <details class="details" ?open=${more} @toggle=${(e: Event) => (more = (e.target as HTMLDetailsElement).open)}>
                <summary class="details-summary">${m.searchMore}</summary>
                <div class="details-text">
                    ${text('place', m.searchPlace)}
                    ${text('personName', m.searchPersonName)}
                    ${text('appearance', m.searchAppearance)}
                    ${select('reporterRole', m.searchReporterRole, 'ReporterRole')}
                    ${text('reporterOrganisation', m.searchReporterOrganisation)}
                    ${select('status', m.searchStatus, 'ConcernStatus')}
                    ${text('receivedFrom', m.searchReceivedFrom, { type: 'date', inputClasses: 'input-width-s' })}
                    ${text('receivedTo', m.searchReceivedTo, { type: 'date', inputClasses: 'input-width-s' })}
                </div>
            </details>
            <div class="skp-form-buttons">
                <button type="submit" class="button button-primary" ?disabled=${busy}>${busy ? m.loading : m.searchSubmit}</button>
                <button type="button" class="button button-tertiary" @click=${clear}>${m.searchClear}</button>
            </div>
        </form>`;
    }

    function card(hit: Hit): TemplateResult {
        const m = t();
        const c = hit.concern!;
        return html`<li class="skp-card">
            <h3 class="h4 skp-card-title"><a href="/concerns/${c.id}" class="skp-ref">${c.reference}</a></h3>
            <p class="skp-badges">${statusBadge(c.status)} ${urgencyBadges(c.urgency, c.acuteDanger)}</p>
            <dl class="skp-dl skp-dl-compact">
                <div class="skp-dl-row"><dt>${m.whyMatched}</dt><dd>${reasonsText(hit.reasons) || '–'}</dd></div>
                <div class="skp-dl-row"><dt>${m.factReceived}</dt><dd>${dateTime(c.receivedAt)}</dd></div>
                ${c.district ? html`<div class="skp-dl-row"><dt>${m.district}</dt><dd>${c.district}</dd></div>` : nothing}
            </dl>
        </li>`;
    }

    function results(): TemplateResult | typeof nothing {
        const m = t();
        const items = last.items;
        if (items == null) return nothing;
        return html`<section class="skp-section" aria-labelledby="search-results">
            <h2 id="search-results" tabindex="-1">${m.searchResults(items.length)}</h2>
            ${items.length === 0 ? html`<p>${m.searchEmpty}</p>` : html`<ul class="skp-cards" data-testid="search-results">${items.map(card)}</ul>`}
            ${last.next ? html`<p><button type="button" class="button button-secondary" ?disabled=${busy}
                @click=${() => void run(last.next)}>${busy ? m.loading : m.loadMore}</button></p>` : nothing}
        </section>`;
    }

    return {
        title: () => t().searchTitle,
        view() {
            const m = t();
            return html`${pageHeading(m.searchTitle)}
                <p class="font-lead">${m.searchLead}</p>
                <search>${form()}</search>
                ${error ? problem(error, () => void run(null)) : nothing}
                ${busy && last.items == null ? spinner() : nothing}
                ${results()}`;
        },
    };
}

/** A badge for a candidate already linked. */
export function linkedBadge(): TemplateResult {
    return badge(t().samePersonLinked, 'success');
}
