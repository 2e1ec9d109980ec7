// Coordinator's inbox: the open concerns, what needs action first. Also the place to find a concern by reference.
import { html, nothing } from 'lit-html';
import { dueAt, loadInbox } from '../api/inbox';
import type { InboxItem } from '../api/answers';
import { label } from '../i18n';
import { t } from '../i18n/messages';
import type { Screen, ScreenContext } from '../screen';
import { attentionBadge, badge, codeList, pageHeading, problem, refreshBar, spinner, statusBadge, urgencyBadges } from '../ui/components';
import { dateTime, deadline, isPast, relative } from '../ui/format';
import { referenceSearch } from './find';

export function inboxScreen(ctx: ScreenContext): Screen {
    let items: InboxItem[] | null = null;
    let next: string | null = null;
    let error: unknown = null;
    let loadingMore = false;
    let loading = false;
    let loadedAt: Date | null = null;

    async function load(after: string | null) {
        error = null;
        if (after) loadingMore = true;
        else loading = true;
        ctx.update();
        try {
            const page = await loadInbox(after);
            if (!ctx.active()) return;
            items = after && items ? [...items, ...page.items] : page.items;
            next = page.next;
            if (!after) loadedAt = new Date();
        } catch (e) {
            error = e;
        } finally {
            loadingMore = false;
            loading = false;
            ctx.update();
        }
    }
    void load(null);

    const search = referenceSearch('inbox', ctx.update);

    function due(item: InboxItem) {
        const at = dueAt(item);
        if (!at) return nothing;
        const kind = item.triageDueAt ? t().dueTriage : t().dueFirstAttempt;
        return html`<span class=${isPast(at) ? 'skp-overdue' : ''}>${kind}: <time datetime=${at}>${deadline(at)}</time>
            <span class="skp-muted">(${relative(at)})</span></span>`;
    }

    function assignee(item: InboxItem) {
        return item.assignedToName ?? item.assignedTo ?? html`<span class="skp-muted">${t().nobody}</span>`;
    }

    function table(list: InboxItem[]) {
        const m = t();
        return html`<div class="table--responsive-scroll" tabindex="0" role="region" aria-labelledby="inbox-caption">
            <table class="table table--compact skp-table-cards" data-testid="inbox-table">
                <caption id="inbox-caption" class="sr-only">${m.inboxCaption}</caption>
                <thead>
                    <tr>
                        <th scope="col">${m.colReference}</th>
                        <th scope="col">${m.colAttention}</th>
                        <th scope="col">${m.colStatus}</th>
                        <th scope="col">${m.colReceived}</th>
                        <th scope="col">${m.colDue}</th>
                        <th scope="col">${m.colDistrict}</th>
                        <th scope="col">${m.colAssignee}</th>
                        <th scope="col">${m.colIndicators}</th>
                    </tr>
                </thead>
                <tbody>
                    ${list.map((item) => html`<tr>
                        <th scope="row" data-title=${m.colReference}><a href="/concerns/${item.id}" class="skp-ref">${item.reference}</a>
                            ${item.unreadAnswer ? html` ${badge(m.newAnswer, 'success', 'skp-new-answer')}` : nothing}</th>
                        <td data-title=${m.colAttention}>${attentionBadge(item.attention)} ${urgencyBadges(item.urgency, item.acuteDanger, item.attention)}${item.outsideArea ? html` ${badge(m.outsideArea, 'warning')}` : nothing}
                            ${item.priority ? html`<span class="skp-muted skp-nowrap">${m.priorityShort}: ${label('Priority', item.priority)}</span>` : nothing}</td>
                        <td data-title=${m.colStatus}>${statusBadge(item.status)}</td>
                        <td data-title=${m.colReceived}><time datetime=${item.receivedAt ?? ''}>${dateTime(item.receivedAt)}</time></td>
                        <td data-title=${m.colDue} class=${dueAt(item) ? '' : 'skp-empty'}>${due(item)}</td>
                        <td data-title=${m.colDistrict} class=${item.district ? '' : 'skp-empty'}>${item.district ?? ''}</td>
                        <td data-title=${m.colAssignee}>${assignee(item)}</td>
                        <td data-title=${m.colIndicators} class=${item.indicators?.length || item.targetGroups?.length ? '' : 'skp-empty'}>${codeList('Indicator', item.indicators) || codeList('TargetGroup', item.targetGroups)}</td>
                    </tr>`)}
                </tbody>
            </table>
        </div>`;
    }

    return {
        title: () => t().inboxTitle,
        view() {
            const m = t();
            return html`${pageHeading(m.inboxTitle)}
                <p class="font-lead">${m.inboxLead}</p>
                ${search.view()}
                <h2>${m.openConcerns}${items ? html` <span class="skp-count">(${items.length})</span>` : nothing}</h2>
                ${items ? refreshBar(loadedAt, loading, () => void load(null)) : nothing}
                ${error ? problem(error, () => void load(null)) : nothing}
                ${items == null && !error ? spinner() : nothing}
                ${items && items.length === 0 ? html`<p>${m.inboxEmpty}</p>` : nothing}
                ${items && items.length ? table(items) : nothing}
                ${next ? html`<p><button type="button" class="button button-secondary" ?disabled=${loadingMore}
                    @click=${() => void load(next)}>${loadingMore ? m.loading : m.loadMore}</button></p>` : nothing}`;
        },
    };
}
