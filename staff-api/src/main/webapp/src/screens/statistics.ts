// Statistics for a chosen period: the counts as bar charts (SVG with text labels; hidden from screen readers, since
// the table beside each holds the same numbers) and the median times.
import { html, nothing, svg, type TemplateResult } from 'lit-html';
import { api, unwrap, type Schemas } from '../api/client';
import { label, type Vocabulary } from '../i18n';
import { t } from '../i18n/messages';
import type { Screen, ScreenContext } from '../screen';
import { pageHeading, problem, spinner } from '../ui/components';
import { date, firstOfMonth, hours, number, today } from '../ui/format';
import { errorSummary, FormErrors, focusSoon, textField } from '../ui/forms';

type Statistics = Schemas['Statistics'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function statisticsScreen(ctx: ScreenContext): Screen {
    let from = ctx.query.get('from') ?? firstOfMonth();
    let to = ctx.query.get('to') ?? today();
    let stats: Statistics | null = null;
    let error: unknown = null;
    let formErrors: FormErrors | null = null;
    let loading = false;

    async function load() {
        loading = true;
        error = null;
        ctx.update();
        try {
            const { data } = await unwrap(api.GET('/api/v1/statistics', { params: { query: { from, to } } }));
            if (!ctx.active()) return;
            stats = data;
        } catch (e) {
            error = e;
        }
        loading = false;
        ctx.update();
    }
    void load();

    function submit(e: Event) {
        e.preventDefault();
        const m = t();
        const errors = new FormErrors();
        if (!DATE.test(from)) errors.add('stats-from', m.enterDate);
        if (!DATE.test(to)) errors.add('stats-to', m.enterDate);
        if (errors.empty && from > to) errors.add('stats-to', m.toBeforeFrom);
        formErrors = errors.empty ? null : errors;
        if (formErrors) {
            ctx.update();
            focusSoon('stats-errors');
            return;
        }
        // The period goes into the address, so it can be bookmarked and shared.
        history.replaceState(null, '', `/statistics?from=${from}&to=${to}`);
        void load();
    }

    /**
     * Horizontal bars: HTML text for the labels and values (readable at any width), an SVG per bar for its length
     * (attributes, not style, under the Content-Security-Policy). Hidden from screen readers: the table beside it
     * holds the same numbers.
     */
    function bars(entries: [string, number, string][], variant = ''): TemplateResult {
        const max = Math.max(0, ...entries.map(([, n]) => n)) || 1;
        return html`<div class="skp-bars ${variant}" aria-hidden="true">
            ${entries.map(([name, n, text]) => html`<div class="skp-bar-row">
                <span class="skp-bar-label">${name}</span>
                <span class="skp-bar-track">
                    ${n > 0
                        ? html`<svg class="skp-bar" width="${Math.max(1, Math.round((n / max) * 85))}%" height="16" focusable="false">
                              ${svg`<rect x="0" y="0" width="100%" height="100%"></rect>`}
                          </svg>`
                        : nothing}
                    <span class="skp-bar-value">${text}</span>
                </span>
            </div>`)}
        </div>`;
    }

    function dimension(id: string, heading: string, counts: Record<string, number> | undefined, vocabulary: Vocabulary | null) {
        const m = t();
        const entries = Object.entries(counts ?? {}).map(([code, n]) => [vocabulary ? label(vocabulary, code) : code, n] as [string, number]);
        return html`<section class="skp-section skp-stat" aria-labelledby="stat-${id}">
            <h2 id="stat-${id}" class="h3">${heading}</h2>
            ${entries.length === 0
                ? html`<p>${m.noData}</p>`
                : html`<div class="skp-stat-body">
                      ${bars(entries.map(([name, n]) => [name, n, number(n)]))}
                      <table class="table table--compact skp-stat-table">
                          <caption class="sr-only">${heading}</caption>
                          <thead><tr><th scope="col">${m.colCategory}</th><th scope="col" class="text-align-right">${m.colCount}</th></tr></thead>
                          <tbody>${entries.map(([name, n]) => html`<tr><th scope="row">${name}</th><td class="text-align-right">${number(n)}</td></tr>`)}</tbody>
                      </table>
                  </div>`}
        </section>`;
    }

    function medians(s: Statistics) {
        const m = t();
        const rows: [string, Schemas['Elapsed'] | undefined][] = [
            [m.timeToTriage, s.timeToTriage],
            [m.timeToFirstAttempt, s.timeToFirstAttempt],
            [m.timeToContact, s.timeToContact],
        ];
        return html`<section class="skp-section skp-stat" aria-labelledby="stat-medians">
            <h2 id="stat-medians" class="h3">${m.mediansHeading}</h2>
            <div class="skp-stat-body">
                ${bars(rows.map(([name, e]) => [name, e?.medianHours ?? 0, hours(e?.medianHours)]), 'skp-bars-time')}
                <table class="table table--compact skp-stat-table">
                    <caption class="sr-only">${m.mediansHeading}</caption>
                    <thead><tr><th scope="col">${m.colMeasure}</th><th scope="col" class="text-align-right">${m.colMedian}</th><th scope="col" class="text-align-right">${m.colConcerns}</th></tr></thead>
                    <tbody>${rows.map(([name, e]) => html`<tr>
                        <th scope="row">${name}</th>
                        <td class="text-align-right">${e?.medianHours != null ? hours(e.medianHours) : '–'}</td>
                        <td class="text-align-right">${number(e?.concerns ?? 0)}</td>
                    </tr>`)}</tbody>
                </table>
            </div>
        </section>`;
    }

    return {
        title: () => t().statisticsTitle,
        view() {
            const m = t();
            const s = stats;
            return html`${pageHeading(m.statisticsTitle)}
                <form class="skp-period" @submit=${submit} novalidate>
                    ${errorSummary(formErrors, 'stats-errors')}
                    <fieldset>
                        <legend class="form-label">${m.period}</legend>
                        <div class="skp-period-row">
                            ${textField({ id: 'stats-from', label: m.fromDate, type: 'date', value: from, error: formErrors?.of('stats-from'), onInput: (v) => (from = v), inputClasses: 'input-width-s' })}
                            ${textField({ id: 'stats-to', label: m.toDate, type: 'date', value: to, error: formErrors?.of('stats-to'), onInput: (v) => (to = v), inputClasses: 'input-width-s' })}
                            <button type="submit" class="button button-primary" ?disabled=${loading}>${m.show}</button>
                        </div>
                    </fieldset>
                </form>
                ${error ? problem(error, () => void load()) : nothing}
                ${!s && !error ? spinner() : nothing}
                ${s
                    ? html`<div aria-live="polite" aria-busy=${loading ? 'true' : 'false'}>
                          <p class="skp-total" data-testid="stats-total">${m.receivedInPeriod(date(s.from), date(s.to))}
                              <strong class="skp-total-number">${number(s.received ?? 0)}</strong></p>
                      </div>
                      ${medians(s)}
                      ${dimension('status', m.byStatus, s.byStatus, 'ConcernStatus')}
                      ${dimension('reporter', m.byReporterRole, s.byReporterRole, 'ReporterRole')}
                      ${dimension('channel', m.byChannel, s.byChannel, 'Channel')}
                      ${dimension('target', m.byTargetGroup, s.byTargetGroup, 'TargetGroup')}
                      ${dimension('triage', m.byTriageOutcome, s.byTriageOutcome, 'TriageOutcome')}
                      ${dimension('closing', m.byClosingReason, s.byClosingReason, 'ClosingReason')}
                      ${dimension('consent', m.consentHeading, s.consent ? {
                          [m.consentHandedOver]: s.consent.handedOverWithConsent ?? 0,
                          [m.consentDataSharing]: s.consent.dataSharingConsented ?? 0,
                          [m.consentDeclined]: s.consent.declined ?? 0,
                      } : undefined, null)}
                      ${dimension('consent-services', m.byConsentService, s.consent?.handedOverByService, 'LastingService')}
                      ${dimension('declined-services', m.byDeclinedService, s.consent?.declinedByService, 'LastingService')}
                      ${dimension('district', m.byDistrict, s.byDistrict, null)}`
                    : nothing}`;
        },
    };
}
