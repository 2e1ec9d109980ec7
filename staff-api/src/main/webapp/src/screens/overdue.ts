// Missed deadlines, the longest overdue first: all of them for a coordinator, their own for a contact person.
import { html, nothing } from 'lit-html';
import { api, unwrap, type Schemas } from '../api/client';
import { label } from '../i18n';
import { t } from '../i18n/messages';
import type { Screen, ScreenContext } from '../screen';
import { pageHeading, problem, spinner, statusBadge, urgencyBadges } from '../ui/components';
import { deadline, relative } from '../ui/format';

export function overdueScreen(ctx: ScreenContext): Screen {
    let items: Schemas['OverdueItem'][] | null = null;
    let next: string | null = null;
    let error: unknown = null;
    let busy = false;

    async function load(after: string | null) {
        busy = true;
        error = null;
        ctx.update();
        try {
            const { data } = await unwrap(api.GET('/api/v1/concerns/overdue', { params: { query: { limit: 50, ...(after ? { after } : {}) } } }));
            if (!ctx.active()) return;
            items = after && items ? [...items, ...(data.items ?? [])] : data.items ?? [];
            next = data.next ?? null;
        } catch (e) {
            error = e;
        }
        busy = false;
        ctx.update();
    }
    void load(null);

    return {
        title: () => t().overdueTitle,
        view() {
            const m = t();
            return html`${pageHeading(m.overdueTitle)}
                <p class="font-lead">${m.overdueLead}</p>
                ${error ? problem(error, () => void load(null)) : nothing}
                ${items == null && !error ? spinner() : nothing}
                ${items && items.length === 0 ? html`<p>${m.overdueEmpty}</p>` : nothing}
                ${items && items.length
                    ? html`<div class="table--responsive-scroll" tabindex="0" role="region" aria-labelledby="overdue-caption">
                          <table class="table table--compact skp-table-cards">
                              <caption id="overdue-caption" class="sr-only">${m.overdueTitle}</caption>
                              <thead><tr>
                                  <th scope="col">${m.colReference}</th>
                                  <th scope="col">${m.colMissed}</th>
                                  <th scope="col">${m.colDueWas}</th>
                                  <th scope="col">${m.colStatus}</th>
                                  <th scope="col">${m.colUrgency}</th>
                                  <th scope="col">${m.colAssignee}</th>
                              </tr></thead>
                              <tbody>${items.map((i) => html`<tr>
                                  <th scope="row" data-title=${m.colReference}><a href="/concerns/${i.id}" class="skp-ref">${i.reference}</a></th>
                                  <td data-title=${m.colMissed}>${label('Deadline', i.missed)}</td>
                                  <td data-title=${m.colDueWas}><time datetime=${i.dueAt ?? ''}>${deadline(i.dueAt)}</time> <span class="skp-overdue">(${relative(i.dueAt)})</span></td>
                                  <td data-title=${m.colStatus}>${statusBadge(i.status)}</td>
                                  <td data-title=${m.colUrgency}>${urgencyBadges(i.urgency, i.acuteDanger)} ${i.priority ? html`<span class="skp-muted">${m.priorityShort}: ${label('Priority', i.priority)}</span>` : nothing}</td>
                                  <td data-title=${m.colAssignee}>${i.assignedToName ?? i.assignedTo ?? html`<span class="skp-muted">${m.nobody}</span>`}</td>
                              </tr>`)}</tbody>
                          </table>
                      </div>`
                    : nothing}
                ${next ? html`<p><button type="button" class="button button-secondary" ?disabled=${busy} @click=${() => void load(next)}>${busy ? m.loading : m.loadMore}</button></p>` : nothing}`;
        },
    };
}
