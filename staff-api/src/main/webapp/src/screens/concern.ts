// The concern page /concerns/{id}. A coordinator gets the whole report and the decisions; a contact person gets the
// briefing and where to look first, and records contact attempts. Every change carries the ETag of the last read;
// a 412 reloads the concern and keeps what the user typed, a 409 says which moves are possible now.
import { html, nothing, type TemplateResult } from 'lit-html';
import { ApiError, api, ifMatch, unwrap, type Answer, type Schemas } from '../api/client';
import type { ConcernWithHistory } from '../api/answers';
import { label } from '../i18n';
import { t } from '../i18n/messages';
import type { Screen, ScreenContext } from '../screen';
import { hasRole } from '../screen';
import { alert, backLink, pageHeading, problem, spinner } from '../ui/components';
import { FormErrors, focusSoon } from '../ui/forms';
import { createActions, type ActionHost } from './concern-actions';
import { createQuestions } from './concern-questions';
import { samePersonPanel } from './same-person';
import {
    attemptsSection, briefingSection, erasedNotice, historySection, keyFacts, linksSection, outcomeLines, reportSection,
    dueLine, outsideAreaNotice, statusLine, whereSection,
} from './concern-sections';

type Concern = ConcernWithHistory;

interface Notice {
    variant: 'success' | 'warning' | 'error' | 'info';
    heading: string;
    body: TemplateResult | string;
}

export function concernScreen(ctx: ScreenContext): Screen {
    const id = ctx.params.id;
    let concern: Concern | null = null;
    let etag: string | null = null;
    let loadError: unknown = null;
    let briefing: Schemas['SafetyBriefing'] | null = null;
    let briefingFailed = false;
    let linked: Concern[] | null = null;
    let notice: Notice | null = null;
    let actionError: unknown = null;
    let busy: string | null = null;
    const errors = new Map<string, FormErrors | null>();
    const coordinator = hasRole(ctx.me, 'coordinator');

    async function load(): Promise<void> {
        try {
            const answer = await unwrap(api.GET('/api/v1/concerns/{id}', { params: { path: { id } } }));
            if (!ctx.active()) return;
            concern = answer.data as Concern;
            etag = answer.etag;
            loadError = null;
        } catch (e) {
            loadError = e;
        }
        ctx.update();
        if (concern) void loadAround();
    }

    /** The briefing and the linked concerns, after the concern (each read is audited; both are small). */
    async function loadAround(): Promise<void> {
        const c = concern!;
        const [b, l] = await Promise.allSettled([
            unwrap(api.GET('/api/v1/concerns/{id}/briefing', { params: { path: { id } } })),
            (c.links?.length ?? 0) > 0 ? unwrap(api.GET('/api/v1/concerns/{id}/linked', { params: { path: { id } } })) : Promise.resolve(null),
        ]);
        if (!ctx.active()) return;
        briefing = b.status === 'fulfilled' ? b.value.data : null;
        briefingFailed = b.status === 'rejected';
        linked = l.status === 'fulfilled' && l.value ? ((l.value.data.items ?? []) as Concern[]).filter((x) => x.id !== id) : null;
        ctx.update();
        if (samePerson && !c.erasedAt) void samePerson.load();
    }

    void load();

    function showNotice(n: Notice) {
        notice = n;
        ctx.update();
        focusSoon('concern-notice');
    }

    const change: ActionHost['change'] = async (action, run, success, idOf) => {
        busy = action;
        actionError = null;
        notice = null;
        errors.set(action, null);
        ctx.update();
        let answer: Answer<Concern> | null = null;
        try {
            answer = await run(ifMatch(etag, concern?.version));
        } catch (e) {
            busy = null;
            await failed(action, e, idOf);
            return false;
        }
        busy = null;
        concern = answer.data as Concern;
        etag = answer.etag;
        showNotice({ variant: 'success', heading: success, body: '' });
        void loadAround();
        return true;
    };

    const actionHost: ActionHost = {
        me: ctx.me,
        concern: () => concern!,
        update: ctx.update,
        busy: () => busy,
        errors: (action) => errors.get(action) ?? null,
        setErrors(action, e) {
            errors.set(action, e);
            ctx.update();
            if (e && !e.empty) focusSoon(`errors-${action}`);
        },
        change,
    };
    const actions = createActions(actionHost);

    // Questions to the reporter send their changes through the same host as the other actions.
    const questions = createQuestions(actionHost);

    // Search: other concerns possibly about the same person, for a coordinator (who links them).
    const samePerson = coordinator ? samePersonPanel({ id, update: ctx.update, active: ctx.active, busy: () => busy, change }) : null;

    async function failed(action: string, e: unknown, idOf: (field: string) => string | null) {
        const m = t();
        if (e instanceof ApiError && (e.status === 412 || e.status === 428)) {
            await load();
            showNotice({ variant: 'warning', heading: m.changedMeanwhileTitle, body: m.changedMeanwhileText });
            return;
        }
        if (e instanceof ApiError && e.lifecycle) {
            const lp = e.lifecycle;
            await load();
            showNotice({
                variant: 'warning',
                heading: e.problem?.title ?? m.notPossibleNow,
                body: html`<p>${lp.detail}</p>
                    ${lp.allowedMoves?.length ? html`<p>${m.possibleNow}: ${lp.allowedMoves.map((mv) => label('Move', mv)).join(', ')}.</p>` : nothing}`,
            });
            return;
        }
        if (e instanceof ApiError && (e.status === 422 || e.status === 400) && e.fieldErrors.length) {
            errors.set(action, FormErrors.fromProblem(e, idOf));
            ctx.update();
            focusSoon(`errors-${action}`);
            return;
        }
        actionError = e;
        ctx.update();
        focusSoon('concern-action-error');
    }

    function noticeView(): TemplateResult | typeof nothing {
        if (!notice) return nothing;
        return html`<div id="concern-notice" tabindex="-1" role=${notice.variant === 'success' ? 'status' : 'alert'} class="skp-notice">
            ${alert(notice.variant, notice.heading, notice.body || nothing)}
        </div>`;
    }

    function notFound(): TemplateResult {
        const m = t();
        // A contact person gets 404 for a concern that is not theirs: the API does not tell the two apart.
        const mine = !coordinator && hasRole(ctx.me, 'contact-person');
        return html`${pageHeading(mine ? m.notYoursTitle : m.concernNotFoundTitle)}
            <p class="font-lead">${mine ? m.notYoursText : m.concernNotFoundText}</p>
            <p><a href=${mine ? '/mine' : '/'} class="button button-primary">${mine ? m.toMine : m.toInbox}</a></p>`;
    }

    function coordinatorLayout(c: Concern): TemplateResult {
        const attemptForm = actions.attemptForm(3);
        return html`
            ${keyFacts(c)}
            ${actions.coordinatorPanel()}
            ${actionError ? html`<div id="concern-action-error" tabindex="-1">${problem(actionError)}</div>` : nothing}
            ${outcomeLines(c)}
            ${samePerson ? samePerson.view(c) : nothing}
            <div class="skp-columns skp-columns-main">
                <div>${reportSection(c)}</div>
                <div>
                    ${briefingSection(briefing, briefingFailed)}
                    ${whereSection(c, briefing)}
                </div>
            </div>
            ${attemptsSection(c, attemptForm === nothing ? nothing
                : html`<details class="details"><summary class="details-summary">${t().recordAttemptHeading}</summary><div class="details-text">${attemptForm}</div></details>`)}
            ${questions.section()}
            ${linksSection(c, linked)}
            ${historySection(c)}`;
    }

    function contactPersonLayout(c: Concern): TemplateResult {
        const attemptForm = actions.attemptForm(2);
        return html`
            ${dueLine(c)}
            ${actions.claimButton()}
            ${briefingSection(briefing, briefingFailed)}
            ${whereSection(c, briefing)}
            ${actionError ? html`<div id="concern-action-error" tabindex="-1">${problem(actionError)}</div>` : nothing}
            ${attemptForm === nothing ? nothing : html`<section class="skp-section skp-attempt" aria-labelledby="action-attempt">${attemptForm}</section>`}
            ${attemptsSection(c)}
            <section class="skp-section" aria-labelledby="facts-heading">
                <h2 id="facts-heading">${t().factsHeading}</h2>
                ${keyFacts(c)}
            </section>
            ${reportSection(c)}
            ${outcomeLines(c)}
            ${questions.section()}
            ${linksSection(c, linked)}
            ${historySection(c)}`;
    }

    return {
        title: () => (concern?.reference ? `${t().concern} ${concern.reference}` : t().concern),
        view() {
            const m = t();
            const back = coordinator ? backLink('/', m.toInbox) : backLink('/mine', m.toMine);
            if (loadError instanceof ApiError && loadError.status === 404) return html`${back}${notFound()}`;
            if (!concern) {
                return html`${back}${pageHeading(m.concern)}
                    ${loadError ? problem(loadError, () => { loadError = null; ctx.update(); void load(); }) : spinner()}`;
            }
            const c = concern;
            return html`${back}
                <div class="skp-concern-head">
                    ${pageHeading(`${m.concern} ${c.reference}`)}
                    ${statusLine(c)}
                </div>
                ${noticeView()}
                ${erasedNotice(c)}
                ${outsideAreaNotice(c)}
                ${coordinator ? coordinatorLayout(c) : contactPersonLayout(c)}`;
        },
    };
}
