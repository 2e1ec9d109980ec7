// Admin: queue messages parked after too many failed deliveries (whole concerns that never reached the team).
// Replay puts one back on the queue; discard deletes it, after a confirmation.
import { html, nothing } from 'lit-html';
import { api, unwrap, type Schemas } from '../api/client';
import { t } from '../i18n/messages';
import type { Screen, ScreenContext } from '../screen';
import { alert, pageHeading, problem, spinner } from '../ui/components';
import { dateTime } from '../ui/format';
import { focusSoon } from '../ui/forms';

export function deadMessagesScreen(ctx: ScreenContext): Screen {
    let list: Schemas['DeadMessageList'] | null = null;
    let error: unknown = null;
    let busy: string | null = null;
    let confirm: string | null = null;
    let notice: string | null = null;
    let actionProblem: unknown = null;

    async function load() {
        try {
            const { data } = await unwrap(api.GET('/api/v1/admin/dead-messages', { params: { query: { limit: 100 } } }));
            if (!ctx.active()) return;
            list = data;
            error = null;
        } catch (e) {
            error = e;
        }
        ctx.update();
    }
    void load();

    async function act(id: string, run: () => Promise<unknown>, message: string) {
        busy = id;
        notice = null;
        actionProblem = null;
        ctx.update();
        try {
            await run();
            notice = message;
            confirm = null;
            await load();
        } catch (e) {
            actionProblem = e;
        }
        busy = null;
        ctx.update();
        focusSoon(actionProblem ? 'dead-problem' : 'dead-notice');
    }

    return {
        title: () => t().deadMessagesTitle,
        view() {
            const m = t();
            const items = list?.items ?? [];
            return html`${pageHeading(m.deadMessagesTitle)}
                <p class="font-lead">${m.deadMessagesLead}</p>
                ${notice ? html`<div id="dead-notice" tabindex="-1" role="status">${alert('success', notice, nothing)}</div>` : nothing}
                ${actionProblem ? html`<div id="dead-problem" tabindex="-1">${problem(actionProblem)}</div>` : nothing}
                ${error ? problem(error, () => void load()) : nothing}
                ${list == null && !error ? spinner() : nothing}
                ${list && items.length === 0 ? html`<p>${m.noDeadMessages}</p>` : nothing}
                ${list && items.length ? html`
                    <p>${m.deadMessagesCount(items.length, list.total ?? items.length)}</p>
                    <div class="table--responsive-scroll" tabindex="0" role="region" aria-labelledby="dead-caption">
                        <table class="table table--compact skp-table-cards" data-testid="dead-messages-table">
                            <caption id="dead-caption" class="sr-only">${m.deadMessagesTitle}</caption>
                            <thead><tr>
                                <th scope="col">${m.colMessage}</th><th scope="col">${m.colQueued}</th><th scope="col">${m.colDeadAt}</th>
                                <th scope="col">${m.colAttempts}</th><th scope="col">${m.colLastError}</th><th scope="col"><span class="sr-only">${m.colActions}</span></th>
                            </tr></thead>
                            <tbody>${items.map((d) => html`<tr>
                                <th scope="row" data-title=${m.colMessage}><code>${d.id}</code><br /><span class="skp-muted">${d.topic}</span></th>
                                <td data-title=${m.colQueued}>${dateTime(d.enqueuedAt)}</td>
                                <td data-title=${m.colDeadAt}>${dateTime(d.deadAt)}</td>
                                <td data-title=${m.colAttempts}>${d.attempts}</td>
                                <td data-title=${m.colLastError}><span class="skp-error-text">${d.lastError}</span></td>
                                <td data-title=${m.colActions}><div class="skp-row-actions">
                                    <button type="button" class="button button-secondary button-small" ?disabled=${busy === d.id} aria-label=${m.replayNamed(d.id ?? '')}
                                        @click=${() => void act(d.id!, () => unwrap(api.POST('/api/v1/admin/dead-messages/{id}/replay', { params: { path: { id: d.id! } } })), m.replayed)}>${m.replay}</button>
                                    ${confirm === d.id
                                        ? html`<span class="skp-confirm" role="group" aria-label=${m.confirmDiscardNamed(d.id ?? '')}>
                                              <span class="skp-confirm-text">${m.confirmDiscard}</span>
                                              <button type="button" class="button button-primary button-small" ?disabled=${busy === d.id}
                                                  @click=${() => void act(d.id!, () => unwrap(api.DELETE('/api/v1/admin/dead-messages/{id}', { params: { path: { id: d.id! } } })), m.discarded)}>${m.discard}</button>
                                              <button type="button" class="button button-tertiary button-small" @click=${() => { confirm = null; ctx.update(); }}>${m.cancel}</button>
                                          </span>`
                                        : html`<button type="button" class="button button-tertiary button-small" aria-label=${m.discardNamed(d.id ?? '')} @click=${() => { confirm = d.id!; ctx.update(); }}>${m.discard}</button>`}
                                </div></td>
                            </tr>`)}</tbody>
                        </table>
                    </div>` : nothing}`;
        },
    };
}
