// The changes a concern page offers, each shown only when the concern's `moves` (and the user's role) allow it:
// triage, assignment with ranked suggestions, unassign, claim, contact attempts, close, reopen, link and unlink,
// and the visit team decision. Form values live here, so they survive a reload of the concern after a 412.
import { html, nothing, type TemplateResult } from 'lit-html';
import { api, unwrap, type Answer, type Schemas } from '../api/client';
import type { ConcernWithHistory, Me } from '../api/answers';
import { codesOf, label } from '../i18n';
import { t } from '../i18n/messages';
import { badge, icon, problem, spinner } from '../ui/components';
import { date, fromLocalInput, toLocalInput, today } from '../ui/format';
import { checkboxGroup, errorSummary, FormErrors, options, radioGroup, selectField, textArea, textField } from '../ui/forms';
import { lookUp } from './find';

type Concern = ConcernWithHistory;
type Move = Schemas['Move'];

export interface ActionHost {
    me: Me;
    concern(): Concern;
    update(): void;
    busy(): string | null;
    errors(action: string): FormErrors | null;
    setErrors(action: string, errors: FormErrors | null): void;
    /** Sends a change with If-Match; true when it went through (the host then shows `success`). */
    change(action: string, run: (ifMatch: string) => Promise<Answer<Concern>>, success: string, idOf: (field: string) => string | null): Promise<boolean>;
}

const TRIAGE_MOVES: Record<string, Move> = {
    ACCEPTED: 'TRIAGE',
    REDIRECTED: 'REDIRECT',
    DUPLICATE: 'MARK_DUPLICATE',
    OUTSIDE_TARGET_GROUP: 'MARK_OUTSIDE_TARGET_GROUP',
};

const OUTCOMES = ['NOT_FOUND', 'NO_ANSWER', 'REFUSED', 'BRIEF_CONTACT', 'CONTACT_ESTABLISHED', 'REFERRED_ON'] as const;

function idMap(prefix: string, fields: string[]) {
    return (field: string) => {
        const name = field.split('.').pop()!.replace(/\[\d+\]$/, '');
        return fields.includes(name) ? `${prefix}-${name}` : null;
    };
}

/** For radio and check box groups the error links to the first option. */
function groupId(prefix: string, groups: string[], fields: string[]) {
    const plain = idMap(prefix, fields);
    return (field: string) => {
        const name = field.split('.').pop()!.replace(/\[\d+\]$/, '');
        return groups.includes(name) ? `${prefix}-${name}-0` : plain(field);
    };
}

/** The close form's inputs for the server's field names; the consent's groups link to their first option. */
function closeFieldId(field: string): string | null {
    switch (field) {
        case 'reason': return 'close-reason-0';
        case 'handedOverTo': return 'close-handedOverTo';
        case 'note': return 'close-note';
        case 'consent':
        case 'consent.agreed': return 'close-agreed-0';
        case 'consent.dataSharing': return 'close-dataSharing-0';
        default: return field.startsWith('consent.services') ? 'close-services-0' : null;
    }
}

export function createActions(host: ActionHost) {
    let open: string | null = null;

    const triage = { outcome: '', priority: '', targetGroups: [] as string[], district: '', reason: '', redirectedTo: '', duplicateOf: '' };
    const close = { reason: '', handedOverTo: '', note: '', agreed: '', services: [] as string[], dataSharing: '' };
    const emptyClose = () => Object.assign(close, { reason: '', handedOverTo: '', note: '', agreed: '', services: [], dataSharing: '' });
    const link = { target: '' };
    const team = { team: '' };
    const attempt = { channel: 'STREET', attemptedAt: '', placeNote: '', nextStep: '', nextStepOn: '', showMore: false };
    let suggestions: Schemas['AssignmentSuggestion'][] | null = null;
    let suggestionsError: unknown = null;
    let chosen = '';

    const moves = () => new Set(host.concern().moves ?? []);
    const isCoordinator = () => host.me.roles.includes('coordinator');
    const isContactPerson = () => host.me.roles.includes('contact-person');
    const id = () => host.concern().id!;

    function toggle(action: string) {
        open = open === action ? null : action;
        host.setErrors(action, null);
        if (open === 'triage') prefillTriage();
        if (open === 'assign') void loadSuggestions();
        if (open === 'team') team.team = host.concern().visitTeam ?? '';
        host.update();
        if (open) requestAnimationFrame(() => document.getElementById(`action-${action}`)?.focus());
    }

    function closeForm() {
        const was = open;
        open = null;
        host.update();
        if (was) requestAnimationFrame(() => document.getElementById(`open-${was}`)?.focus());
    }

    function prefillTriage() {
        const c = host.concern();
        const allowed = allowedOutcomes();
        if (!allowed.includes(triage.outcome)) triage.outcome = allowed.length === 1 ? allowed[0] : '';
        if (c.triage) {
            triage.priority ||= c.triage.priority ?? '';
            if (!triage.targetGroups.length) triage.targetGroups = [...(c.triage.targetGroups ?? [])];
            triage.district ||= c.triage.district ?? '';
        }
    }

    function allowedOutcomes(): string[] {
        const m = moves();
        return Object.keys(TRIAGE_MOVES).filter((o) => m.has(TRIAGE_MOVES[o]));
    }

    async function loadSuggestions() {
        suggestions = null;
        suggestionsError = null;
        host.update();
        try {
            const { data } = await unwrap(api.GET('/api/v1/concerns/{id}/assignment-suggestions', { params: { path: { id: id() } } }));
            suggestions = data;
            const current = host.concern().assignment?.contactPersonId;
            const best = data.find((s) => !s.absent && !s.currentlyAssigned) ?? data.find((s) => !s.currentlyAssigned);
            chosen = best?.contactPersonId ?? current ?? '';
        } catch (e) {
            suggestionsError = e;
        }
        host.update();
    }

    // ---- the forms -------------------------------------------------------------------------------------------

    function frame(action: string, heading: string, body: TemplateResult, onSubmit: (e: Event) => void, submitText: string, variant = 'button-primary') {
        const m = t();
        const busy = host.busy() === action;
        return html`<form class="skp-action-form" id="form-${action}" @submit=${onSubmit} novalidate aria-labelledby="action-${action}">
            <h3 id="action-${action}" tabindex="-1">${heading}</h3>
            ${errorSummary(host.errors(action), `errors-${action}`)}
            ${body}
            <div class="skp-form-buttons">
                <button type="submit" class="button ${variant}" ?disabled=${busy}>${busy ? m.saving : submitText}</button>
                <button type="button" class="button button-tertiary" @click=${closeForm}>${m.cancel}</button>
            </div>
        </form>`;
    }

    function triageForm() {
        const m = t();
        const errs = host.errors('triage');
        const outcomes = allowedOutcomes();
        const o = triage.outcome;
        const submit = async (e: Event) => {
            e.preventDefault();
            const errors = new FormErrors();
            if (!o) errors.add('triage-outcome-0', m.chooseOutcome);
            if (o === 'ACCEPTED') {
                if (!triage.priority) errors.add('triage-priority-0', m.choosePriority);
                if (!triage.targetGroups.length) errors.add('triage-targetGroups-0', m.chooseTargetGroups);
                if (!triage.district.trim()) errors.add('triage-district', m.enterDistrict);
            }
            if (o === 'REDIRECTED' && !triage.redirectedTo.trim()) errors.add('triage-redirectedTo', m.enterRedirectedTo);
            let duplicateOf: string | null = null;
            if (o === 'DUPLICATE') {
                if (!triage.duplicateOf.trim()) errors.add('triage-duplicateOf', m.enterDuplicateOf);
                else {
                    try {
                        duplicateOf = await lookUp(triage.duplicateOf);
                    } catch {
                        duplicateOf = null;
                    }
                    if (!duplicateOf) errors.add('triage-duplicateOf', m.referenceNotFound(triage.duplicateOf.trim()));
                }
            }
            if (!errors.empty) {
                host.setErrors('triage', errors);
                return;
            }
            const body: Schemas['TriageDecision'] = { outcome: o as Schemas['TriageOutcome'] };
            if (o === 'ACCEPTED') {
                body.priority = triage.priority as Schemas['Priority'];
                body.targetGroups = triage.targetGroups as Schemas['TargetGroup'][];
                body.district = triage.district.trim();
            }
            if (o === 'REDIRECTED') body.redirectedTo = triage.redirectedTo.trim();
            if (o === 'DUPLICATE' && duplicateOf) body.duplicateOf = duplicateOf;
            if (triage.reason.trim()) body.reason = triage.reason.trim();
            const ok = await host.change(
                'triage',
                (ifMatch) => unwrap(api.POST('/api/v1/concerns/{id}/triage', { params: { path: { id: id() }, header: { 'If-Match': ifMatch } }, body })),
                m.triaged(label('TriageOutcome', o)),
                groupId('triage', ['outcome', 'priority', 'targetGroups'], ['district', 'reason', 'redirectedTo', 'duplicateOf']),
            );
            if (ok) {
                Object.assign(triage, { outcome: '', reason: '', redirectedTo: '', duplicateOf: '' });
                open = null;
            }
        };
        return frame('triage', m.triageHeading, html`
            ${radioGroup({ id: 'triage-outcome', legend: m.triageOutcome, value: o, options: options(outcomes, (c) => label('TriageOutcome', c)), error: errs?.of('triage-outcome-0'), onChange: (v) => { triage.outcome = v; host.update(); } })}
            ${o === 'ACCEPTED' ? html`
                ${radioGroup({ id: 'triage-priority', legend: m.priority, value: triage.priority, options: options(codesOf('Priority'), (c) => label('Priority', c)), error: errs?.of('triage-priority-0'), classes: 'skp-inline-options', onChange: (v) => { triage.priority = v; host.update(); } })}
                ${checkboxGroup({ id: 'triage-targetGroups', legend: m.targetGroups, hint: m.targetGroupsHint, values: triage.targetGroups, options: options(codesOf('TargetGroup'), (c) => label('TargetGroup', c)), error: errs?.of('triage-targetGroups-0'), onChange: (v) => { triage.targetGroups = v; host.update(); } })}
                ${textField({ id: 'triage-district', label: m.district, hint: m.districtHint, value: triage.district, maxlength: 80, error: errs?.of('triage-district'), onInput: (v) => (triage.district = v), inputClasses: 'input-width-l' })}
            ` : nothing}
            ${o === 'REDIRECTED' ? textField({ id: 'triage-redirectedTo', label: m.redirectedTo, hint: m.redirectedToHint, value: triage.redirectedTo, maxlength: 200, error: errs?.of('triage-redirectedTo'), onInput: (v) => (triage.redirectedTo = v) }) : nothing}
            ${o === 'DUPLICATE' ? textField({ id: 'triage-duplicateOf', label: m.duplicateOf, hint: m.referenceOrIdHint, value: triage.duplicateOf, error: errs?.of('triage-duplicateOf'), onInput: (v) => (triage.duplicateOf = v), inputClasses: 'input-width-l' }) : nothing}
            ${o ? textArea({ id: 'triage-reason', label: m.triageReason, hint: m.noPersonalDetails, value: triage.reason, optional: true, maxlength: 500, error: errs?.of('triage-reason'), onInput: (v) => (triage.reason = v) }) : nothing}
        `, submit, m.saveTriage);
    }

    function assignForm() {
        const m = t();
        const errs = host.errors('assign');
        const submit = async (e: Event) => {
            e.preventDefault();
            if (!chosen) {
                const errors = new FormErrors();
                errors.add('assign-contactPersonId-0', m.chooseContactPerson);
                host.setErrors('assign', errors);
                return;
            }
            const person = suggestions?.find((s) => s.contactPersonId === chosen);
            const ok = await host.change(
                'assign',
                (ifMatch) => unwrap(api.PUT('/api/v1/concerns/{id}/assignment', { params: { path: { id: id() }, header: { 'If-Match': ifMatch } }, body: { contactPersonId: chosen } })),
                m.assigned(person?.name ?? ''),
                () => 'assign-contactPersonId-0',
            );
            if (ok) open = null;
        };
        let body: TemplateResult;
        if (suggestionsError) body = html`${problem(suggestionsError, () => void loadSuggestions())}`;
        else if (!suggestions) body = spinner(m.loadingSuggestions);
        else if (!suggestions.length) body = html`<p>${m.noContactPersons}</p>`;
        else
            body = html`<div class="form-group ${errs?.of('assign-contactPersonId-0') ? 'form-error' : ''}">
                <fieldset aria-describedby="assign-hint">
                    <legend class="form-label">${m.chooseContactPerson}</legend>
                    <span class="form-hint" id="assign-hint">${m.suggestionsHint}</span>
                    ${errs?.of('assign-contactPersonId-0') ? html`<span class="form-error-message">${errs.of('assign-contactPersonId-0')}</span>` : nothing}
                    <ol class="skp-suggestions">
                        ${suggestions.map((s, i) => html`<li class="form-group-radio skp-suggestion">
                            <input type="radio" class="form-radio" id="assign-contactPersonId-${i}" name="assign-contactPersonId" value=${s.contactPersonId!}
                                .checked=${chosen === s.contactPersonId} @change=${() => { chosen = s.contactPersonId!; host.update(); }} />
                            <label class="form-label" for="assign-contactPersonId-${i}">
                                <span class="skp-suggestion-name">${s.rank}. ${s.name}</span>
                                <span class="skp-suggestion-facts">
                                    ${s.currentlyAssigned ? badge(m.holdsItNow, 'info') : nothing}
                                    ${s.districtMatch ? badge(m.ownDistrict, 'success') : nothing}
                                    ${s.absent ? badge(s.absentUntil ? m.absentUntil(date(s.absentUntil)) : m.absent, 'warning') : nothing}
                                    <span>${m.load(s.openConcerns ?? 0, s.capacity ?? 0)}</span>
                                    <span class=${(s.freeCapacity ?? 0) < 0 ? 'skp-overdue' : ''}>${m.freeCapacity(s.freeCapacity ?? 0)}</span>
                                </span>
                            </label>
                        </li>`)}
                    </ol>
                </fieldset>
            </div>`;
        const c = host.concern();
        return frame('assign', c.assignedTo ? m.reassignHeading : m.assignHeading, body, submit, m.assignSubmit);
    }

    function closeFormView() {
        const m = t();
        const errs = host.errors('close');
        const attempts = host.concern().attempts?.length ?? 0;
        const submit = async (e: Event) => {
            e.preventDefault();
            const errors = new FormErrors();
            if (!close.reason) errors.add('close-reason-0', m.chooseClosingReason);
            if (close.reason === 'HANDED_OVER' && !close.handedOverTo.trim()) errors.add('close-handedOverTo', m.enterHandedOverTo);
            if (close.reason === 'OTHER' && !close.note.trim()) errors.add('close-note', m.enterClosingNote);
            if (close.reason === 'HANDED_OVER') {
                if (!close.agreed) errors.add('close-agreed-0', m.consentChooseAgreed);
                else if (close.agreed === 'no') errors.add('close-agreed-0', m.consentNoMeansDeclined);
                if (close.services.length === 0) errors.add('close-services-0', m.consentChooseServices);
                if (!close.dataSharing) errors.add('close-dataSharing-0', m.consentChooseDataSharing);
            }
            if (!errors.empty) {
                host.setErrors('close', errors);
                return;
            }
            const body: Schemas['CloseDecision'] = { reason: close.reason as Schemas['ClosingReason'] };
            if (close.reason === 'HANDED_OVER') {
                body.handedOverTo = close.handedOverTo.trim();
                body.consent = { agreed: true, services: close.services as Schemas['LastingService'][], dataSharing: close.dataSharing === 'yes' };
            }
            if (close.reason === 'DECLINED' && close.services.length) {
                body.consent = { agreed: false, services: close.services as Schemas['LastingService'][] };
            }
            if (close.note.trim()) body.note = close.note.trim();
            const ok = await host.change(
                'close',
                (ifMatch) => unwrap(api.POST('/api/v1/concerns/{id}/close', { params: { path: { id: id() }, header: { 'If-Match': ifMatch } }, body })),
                m.closed,
                closeFieldId,
            );
            if (ok) emptyClose();
        };
        const services = options(codesOf('LastingService'), (c) => label('LastingService', c));
        const yesNo = [{ value: 'yes', label: m.yes }, { value: 'no', label: m.no }];
        return frame('close', m.closeHeading, html`
            ${radioGroup({ id: 'close-reason', legend: m.closingReason, value: close.reason, options: options(codesOf('ClosingReason'), (c) => label('ClosingReason', c)), error: errs?.of('close-reason-0'), hint: attempts === 0 ? m.notFoundNeedsAttempts : undefined, onChange: (v) => { close.reason = v; close.services = []; host.update(); } })}
            ${close.reason === 'HANDED_OVER' ? html`
                ${textField({ id: 'close-handedOverTo', label: m.handedOverTo, hint: m.handedOverToHint, value: close.handedOverTo, maxlength: 200, error: errs?.of('close-handedOverTo'), onInput: (v) => (close.handedOverTo = v) })}
                ${radioGroup({ id: 'close-agreed', legend: m.consentAgreedQuestion, hint: m.consentAgreedHint, value: close.agreed, options: yesNo, error: errs?.of('close-agreed-0'), onChange: (v) => { close.agreed = v; host.update(); } })}
                ${checkboxGroup({ id: 'close-services', legend: m.consentServicesQuestion, values: close.services, options: services, error: errs?.of('close-services-0'), onChange: (v) => { close.services = v; host.update(); } })}
                ${radioGroup({ id: 'close-dataSharing', legend: m.consentDataSharingQuestion, hint: m.consentDataSharingHint, value: close.dataSharing, options: yesNo, error: errs?.of('close-dataSharing-0'), onChange: (v) => { close.dataSharing = v; host.update(); } })}` : nothing}
            ${close.reason === 'DECLINED' ? html`
                <p>${m.consentDeclinedNote}</p>
                ${checkboxGroup({ id: 'close-services', legend: m.consentDeclinedServicesQuestion, values: close.services, options: services, error: errs?.of('close-services-0'), onChange: (v) => { close.services = v; host.update(); } })}` : nothing}
            ${textArea({ id: 'close-note', label: m.closingNote, hint: m.noPersonalDetails, value: close.note, optional: close.reason !== 'OTHER', maxlength: 500, error: errs?.of('close-note'), onInput: (v) => (close.note = v) })}
            <p class="skp-muted">${m.closeErasesReferrer}</p>
        `, submit, m.closeSubmit);
    }

    function confirmForm(action: string, heading: string, text: string, confirmText: string, run: (ifMatch: string) => Promise<Answer<Concern>>, success: string) {
        const submit = async (e: Event) => {
            e.preventDefault();
            await host.change(action, run, success, () => null);
        };
        return frame(action, heading, html`<p>${text}</p>`, submit, confirmText, 'button-primary');
    }

    function linkForm() {
        const m = t();
        const errs = host.errors('link');
        const submit = async (e: Event) => {
            e.preventDefault();
            const errors = new FormErrors();
            let target: string | null = null;
            if (!link.target.trim()) errors.add('link-concernId', m.enterReferenceOrId);
            else {
                try {
                    target = await lookUp(link.target);
                } catch {
                    target = null;
                }
                if (!target) errors.add('link-concernId', m.referenceNotFound(link.target.trim()));
                else if (target === id()) errors.add('link-concernId', m.cannotLinkToItself);
            }
            if (!errors.empty || !target) {
                host.setErrors('link', errors);
                return;
            }
            const ok = await host.change(
                'link',
                (ifMatch) => unwrap(api.POST('/api/v1/concerns/{id}/links', { params: { path: { id: id() }, header: { 'If-Match': ifMatch } }, body: { concernId: target! } })),
                m.linked,
                () => 'link-concernId',
            );
            if (ok) link.target = '';
        };
        return frame('link', m.linkHeading, html`
            <p>${m.linkExplain}</p>
            ${textField({ id: 'link-concernId', label: m.otherConcern, hint: m.referenceOrIdHint, value: link.target, error: errs?.of('link-concernId'), onInput: (v) => (link.target = v), inputClasses: 'input-width-l' })}
        `, submit, m.linkSubmit);
    }

    function teamForm() {
        const m = t();
        const submit = async (e: Event) => {
            e.preventDefault();
            const body: Schemas['VisitTeamDecision'] = team.team ? { team: team.team as Schemas['VisitTeam'] } : {};
            await host.change(
                'team',
                async (ifMatch) => {
                    await unwrap(api.PUT('/api/v1/concerns/{id}/briefing/team', { params: { path: { id: id() }, header: { 'If-Match': ifMatch } }, body }));
                    // The answer is the briefing; the page needs the concern with its new version.
                    return unwrap(api.GET('/api/v1/concerns/{id}', { params: { path: { id: id() } } }));
                },
                m.teamSaved,
                () => 'team-team-0',
            );
        };
        return frame('team', m.teamHeading, html`
            ${radioGroup({
                id: 'team-team', legend: m.teamLegend, value: team.team,
                options: [{ value: '', label: m.followSuggestion }, ...options(codesOf('VisitTeam'), (c) => label('VisitTeam', c))],
                onChange: (v) => { team.team = v; host.update(); },
            })}
        `, submit, m.saveTeam);
    }

    /**
     * One-tap recording for the street: the outcome buttons send the attempt at once, with the channel preselected
     * (street outreach) and the time now; place, next step and date may be filled in first.
     */
    function attemptForm(level: 2 | 3): TemplateResult {
        const m = t();
        const errs = host.errors('attempt');
        const canEstablish = moves().has('ESTABLISH_CONTACT');
        const busy = host.busy() === 'attempt';
        const submit = async (e: SubmitEvent) => {
            e.preventDefault();
            const outcome = (e.submitter as HTMLButtonElement | null)?.value;
            if (!outcome) return;
            const errors = new FormErrors();
            const attemptedAt = attempt.attemptedAt ? fromLocalInput(attempt.attemptedAt) : new Date().toISOString();
            if (!attemptedAt) errors.add('attempt-attemptedAt', m.enterValidTime);
            else if (Date.parse(attemptedAt) > Date.now() + 60_000) errors.add('attempt-attemptedAt', m.timeInFuture);
            if (attempt.nextStepOn && attempt.nextStepOn < (attemptedAt ?? '').slice(0, 10)) errors.add('attempt-nextStepOn', m.nextStepBeforeAttempt);
            if (!errors.empty) {
                attempt.showMore = true;
                host.setErrors('attempt', errors);
                return;
            }
            const body: Schemas['NewContactAttempt'] = {
                attemptedAt: attemptedAt!,
                channel: attempt.channel as Schemas['AttemptChannel'],
                outcome: outcome as Schemas['AttemptOutcome'],
            };
            if (attempt.placeNote.trim()) body.placeNote = attempt.placeNote.trim();
            if (attempt.nextStep.trim()) body.nextStep = attempt.nextStep.trim();
            if (attempt.nextStepOn) body.nextStepOn = attempt.nextStepOn;
            const ok = await host.change(
                'attempt',
                (ifMatch) => unwrap(api.POST('/api/v1/concerns/{id}/attempts', { params: { path: { id: id() }, header: { 'If-Match': ifMatch } }, body })),
                m.attemptRecorded(label('AttemptOutcome', outcome)),
                idMap('attempt', ['attemptedAt', 'channel', 'placeNote', 'nextStep', 'nextStepOn', 'outcome']),
            );
            if (ok) Object.assign(attempt, { attemptedAt: '', placeNote: '', nextStep: '', nextStepOn: '', showMore: false });
        };
        const outcomes = OUTCOMES.filter((o) => o !== 'CONTACT_ESTABLISHED' || canEstablish);
        return html`<form class="skp-attempt-form" @submit=${submit} novalidate aria-labelledby="action-attempt" data-testid="attempt-form">
            ${level === 2
                ? html`<h2 id="action-attempt" tabindex="-1">${m.recordAttemptHeading}</h2>`
                : html`<h3 id="action-attempt" tabindex="-1">${m.recordAttemptHeading}</h3>`}
            ${errorSummary(errs, 'errors-attempt')}
            ${textField({ id: 'attempt-placeNote', label: m.placeNote, hint: m.placeNoteHint, value: attempt.placeNote, optional: true, maxlength: 500, error: errs?.of('attempt-placeNote'), onInput: (v) => (attempt.placeNote = v) })}
            <div class="skp-two">
                ${textField({ id: 'attempt-nextStep', label: m.nextStep, value: attempt.nextStep, optional: true, maxlength: 500, error: errs?.of('attempt-nextStep'), onInput: (v) => (attempt.nextStep = v) })}
                ${textField({ id: 'attempt-nextStepOn', label: m.nextStepOn, type: 'date', value: attempt.nextStepOn, optional: true, min: today(), error: errs?.of('attempt-nextStepOn'), onInput: (v) => (attempt.nextStepOn = v), inputClasses: 'input-width-s' })}
            </div>
            <details class="details skp-more" ?open=${attempt.showMore} @toggle=${(e: Event) => (attempt.showMore = (e.target as HTMLDetailsElement).open)}>
                <summary class="details-summary">${m.channelAndTime(label('AttemptChannel', attempt.channel), attempt.attemptedAt ? m.atTime(attempt.attemptedAt.replace('T', ' ')) : m.now)}</summary>
                <div class="details-text">
                    ${selectField({ id: 'attempt-channel', label: m.channel, value: attempt.channel, options: options(codesOf('AttemptChannel'), (c) => label('AttemptChannel', c)), error: errs?.of('attempt-channel'), onInput: (v) => { attempt.channel = v; host.update(); } })}
                    ${textField({ id: 'attempt-attemptedAt', label: m.attemptedAt, hint: m.attemptedAtHint, type: 'datetime-local', value: attempt.attemptedAt, optional: true, max: toLocalInput(new Date()), error: errs?.of('attempt-attemptedAt'), onInput: (v) => { attempt.attemptedAt = v; host.update(); } })}
                </div>
            </details>
            <fieldset class="skp-outcomes" ?disabled=${busy}>
                <legend class="form-label">${m.howDidItGo}</legend>
                <p class="form-hint" id="outcome-hint">${m.howDidItGoHint}</p>
                ${errs?.of('attempt-outcome') ? html`<span class="form-error-message" id="attempt-outcome">${errs.of('attempt-outcome')}</span>` : nothing}
                <div class="skp-outcome-grid">
                    ${outcomes.map((o) => html`<button type="submit" name="outcome" value=${o} aria-describedby="outcome-hint"
                        class="button skp-outcome skp-outcome-${o.toLowerCase().replace(/_/g, '-')}">${label('AttemptOutcome', o)}</button>`)}
                </div>
                ${busy ? html`<p role="status">${m.saving}</p>` : nothing}
            </fieldset>
        </form>`;
    }

    // ---- the panel -------------------------------------------------------------------------------------------

    function openButton(action: string, text: string, iconName: string, variant = 'button-secondary') {
        return html`<button type="button" class="button ${variant}" id="open-${action}" aria-expanded=${open === action ? 'true' : 'false'}
            aria-controls="form-${action}" @click=${() => toggle(action)}>${icon(iconName)}${text}</button>`;
    }

    function coordinatorPanel(): TemplateResult | typeof nothing {
        const m = t();
        const c = host.concern();
        if (c.erasedAt || !isCoordinator()) return nothing;
        const mv = moves();
        const buttons: TemplateResult[] = [];
        const forms: Record<string, () => TemplateResult> = {};
        if (allowedOutcomes().length) {
            buttons.push(openButton('triage', c.triage ? m.retriage : m.triage, 'checklist', c.status === 'RECEIVED' || c.status === 'REOPENED' ? 'button-primary' : 'button-secondary'));
            forms.triage = triageForm;
        }
        if (mv.has('ASSIGN')) {
            buttons.push(openButton('assign', c.assignedTo ? m.reassign : m.assign, 'person-add', c.status === 'TRIAGED' ? 'button-primary' : 'button-secondary'));
            forms.assign = assignForm;
        }
        if (mv.has('UNASSIGN')) {
            buttons.push(openButton('unassign', m.unassign, 'person-remove'));
            forms.unassign = () => confirmForm('unassign', m.unassignHeading, m.unassignText, m.unassignSubmit,
                (ifMatch) => unwrap(api.DELETE('/api/v1/concerns/{id}/assignment', { params: { path: { id: id() }, header: { 'If-Match': ifMatch } } })), m.unassigned);
        }
        if (mv.has('CLOSE')) {
            buttons.push(openButton('close', m.closeConcern, 'check'));
            forms.close = closeFormView;
        }
        if (mv.has('REOPEN')) {
            buttons.push(openButton('reopen', m.reopen, 'refresh', 'button-primary'));
            forms.reopen = () => confirmForm('reopen', m.reopenHeading, m.reopenText, m.reopenSubmit,
                (ifMatch) => unwrap(api.POST('/api/v1/concerns/{id}/reopen', { params: { path: { id: id() }, header: { 'If-Match': ifMatch } } })), m.reopened);
        }
        if (mv.size > 0) {
            buttons.push(openButton('team', m.decideTeam, 'persons'));
            forms.team = teamForm;
            buttons.push(openButton('link', m.linkButton, 'link'));
            forms.link = linkForm;
        }
        if ((c.links?.length ?? 0) > 0) {
            buttons.push(openButton('unlink', m.unlink, 'close'));
            forms.unlink = () => confirmForm('unlink', m.unlinkHeading, m.unlinkText, m.unlinkSubmit,
                (ifMatch) => unwrap(api.DELETE('/api/v1/concerns/{id}/links', { params: { path: { id: id() }, header: { 'If-Match': ifMatch } } })), m.unlinked);
        }
        if (!buttons.length) return nothing;
        if (open && !forms[open]) open = null;
        return html`<section class="skp-section skp-actions" aria-labelledby="actions-heading" data-testid="actions">
            <h2 id="actions-heading">${m.actionsHeading}</h2>
            <div class="skp-action-buttons">${buttons}</div>
            ${open && forms[open] ? forms[open]() : nothing}
        </section>`;
    }

    function claimButton(): TemplateResult | typeof nothing {
        const m = t();
        if (!isContactPerson() || !moves().has('CLAIM')) return nothing;
        const busy = host.busy() === 'claim';
        return html`<p><button type="button" class="button button-primary" ?disabled=${busy}
            @click=${() => void host.change('claim', (ifMatch) => unwrap(api.POST('/api/v1/concerns/{id}/claim', { params: { path: { id: id() }, header: { 'If-Match': ifMatch } } })), m.claimed, () => null)}>
            ${busy ? m.saving : m.claim}</button></p>`;
    }

    function canRecordAttempt(): boolean {
        const c = host.concern();
        if (c.erasedAt || !moves().has('RECORD_ATTEMPT')) return false;
        if (isCoordinator()) return true;
        return isContactPerson() && c.assignedTo === host.me.subject;
    }

    return {
        coordinatorPanel,
        claimButton,
        attemptForm: (level: 2 | 3) => (canRecordAttempt() ? attemptForm(level) : nothing),
    };
}
