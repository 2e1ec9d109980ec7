// "Muligvis samme person" on a coordinator's concern page: other concerns with the same or a similar address, place
// or name, each with why, and a button that links it in one step (the existing link endpoint, with the concern's
// If-Match). Reading the candidates is audited as a read of this concern.
import { html, nothing, type TemplateResult } from 'lit-html';
import { api, unwrap, type Answer, type Schemas } from '../api/client';
import type { ConcernWithHistory } from '../api/answers';
import { t } from '../i18n/messages';
import { problem, spinner, statusBadge } from '../ui/components';
import { dateTime } from '../ui/format';
import { linkedBadge, reasonsText } from './search';

type Candidate = Schemas['SamePersonCandidate'];
type Concern = ConcernWithHistory;

export interface SamePersonHost {
    id: string;
    update(): void;
    active(): boolean;
    busy(): string | null;
    /** The concern page's change: sends with If-Match, shows the outcome, reloads what is around the concern. */
    change(action: string, run: (ifMatch: string) => Promise<Answer<Concern>>, success: string, idOf: (field: string) => string | null): Promise<boolean>;
}

export function samePersonPanel(host: SamePersonHost) {
    let items: Candidate[] | null = null;
    let error: unknown = null;

    async function load(): Promise<void> {
        try {
            const { data } = await unwrap(api.GET('/api/v1/concerns/{id}/same-person-candidates', { params: { path: { id: host.id } } }));
            if (!host.active()) return;
            items = data;
            error = null;
        } catch (e) {
            error = e;
        }
        host.update();
    }

    function link(candidate: Candidate) {
        const other = candidate.concern!;
        void host.change(
            `same-person-${other.id}`,
            (ifMatch) => unwrap(api.POST('/api/v1/concerns/{id}/links', { params: { path: { id: host.id }, header: { 'If-Match': ifMatch } }, body: { concernId: other.id! } })),
            t().linked,
            () => null,
        );
    }

    function item(candidate: Candidate): TemplateResult {
        const m = t();
        const c = candidate.concern!;
        const busy = host.busy() === `same-person-${c.id}`;
        return html`<li class="skp-card">
            <h3 class="h4 skp-card-title"><a href="/concerns/${c.id}" class="skp-ref">${c.reference}</a></h3>
            <p class="skp-badges">${statusBadge(c.status)} ${candidate.linked ? linkedBadge() : nothing}</p>
            <dl class="skp-dl skp-dl-compact">
                <div class="skp-dl-row"><dt>${m.whyMatched}</dt><dd>${reasonsText(candidate.reasons)}</dd></div>
                <div class="skp-dl-row"><dt>${m.factReceived}</dt><dd>${dateTime(c.receivedAt)}</dd></div>
            </dl>
            ${candidate.linked ? nothing : html`<p><button type="button" class="button button-secondary" ?disabled=${host.busy() != null}
                aria-label=${m.samePersonLinkNamed(c.reference ?? '')} @click=${() => link(candidate)}>${busy ? m.saving : m.samePersonLink}</button></p>`}
        </li>`;
    }

    return {
        load,
        view(concern: Concern): TemplateResult | typeof nothing {
            const m = t();
            if (concern.erasedAt) return nothing;
            return html`<section class="skp-section" aria-labelledby="same-person-heading" data-testid="same-person">
                <h2 id="same-person-heading">${m.samePersonHeading}${items ? html` <span class="skp-count">(${items.length})</span>` : nothing}</h2>
                <p>${m.samePersonLead}</p>
                ${error ? problem(error, () => void load()) : nothing}
                ${items == null && !error ? spinner() : nothing}
                ${items && items.length === 0 ? html`<p>${m.samePersonNone}</p>` : nothing}
                ${items && items.length ? html`<ul class="skp-cards">${items.map(item)}</ul>` : nothing}
            </section>`;
        },
    };
}
