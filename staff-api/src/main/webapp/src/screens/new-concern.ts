// A concern told to a staff member by phone, in person, by e-mail or letter, entered while they listen: one column
// that works on a phone, the same questions the public form asks, the server's field errors beside the fields, and
// after saving the reference (and the reporter's passcode) shown once, to be read out. Every try of one form sends
// the same Idempotency-Key, so a retry after a lost answer or a second tap gives the same concern, never two.
import { html, nothing, type TemplateResult } from 'lit-html';
import { ApiError, api, unwrap, type Schemas } from '../api/client';
import { codesOf, label, type Vocabulary } from '../i18n';
import { t } from '../i18n/messages';
import type { Screen, ScreenContext } from '../screen';
import { hasRole } from '../screen';
import { alert, pageHeading, problem } from '../ui/components';
import { dateTime, fromLocalInput } from '../ui/format';
import { checkboxGroup, errorSummary, FormErrors, focusSoon, options, radioGroup, selectField, textArea, textField } from '../ui/forms';

type Entered = Schemas['EnteredConcern'];

function newKey(): string {
    return typeof crypto.randomUUID === 'function'
        ? crypto.randomUUID()
        : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function blank() {
    return {
        channel: 'PHONE', receivedAt: '',
        role: '', anonymity: '', name: '', organisation: '', phone: '', email: '',
        ageBand: '', personName: '', appearance: '', knowsAboutReport: '',
        address: '', postcode: '', placeDescription: '', usualTimes: '', regularity: '',
        indicators: [] as string[], description: '', safetyNotes: '',
        urgency: 'NORMAL', acuteDanger: false, issuePasscode: '',
    };
}

/** Inputs that are groups (radio buttons, check boxes): an error links to their first option. */
const GROUPS = new Set(['channel', 'anonymity', 'knowsAboutReport', 'indicators', 'urgency', 'issuePasscode']);

/** The input for a field the server names: report.reporter.name → nc-name, report.observations.indicators[2] → nc-indicators-0. */
function fieldId(field: string): string | null {
    const last = field.replace(/\[\d+\]$/, '').split('.').pop() ?? '';
    const path = field.replace(/^report\./, '').replace(/\[\d+\]$/, '');
    const id = path === 'person.name' ? 'personName' : last;
    const known = ['channel', 'receivedAt', 'role', 'anonymity', 'name', 'organisation', 'phone', 'email', 'ageBand', 'personName',
        'appearance', 'knowsAboutReport', 'address', 'postcode', 'placeDescription', 'usualTimes', 'regularity', 'indicators',
        'description', 'safetyNotes', 'urgency', 'issuePasscode'];
    if (!known.includes(id)) return null;
    return GROUPS.has(id) ? `nc-${id}-0` : `nc-${id}`;
}

export function newConcernScreen(ctx: ScreenContext): Screen {
    let form = blank();
    let key = newKey();
    let errors: FormErrors | null = null;
    let childWelfare: string | null = null;
    let failure: unknown = null;
    let busy = false;
    let saved: Entered | null = null;

    const isAnonymous = () => form.anonymity === 'ANONYMOUS';

    function clientErrors(): FormErrors {
        const m = t();
        const e = new FormErrors();
        if (form.receivedAt && !fromLocalInput(form.receivedAt)) e.add('nc-receivedAt', m.ncEnterDateTime);
        if (!form.role) e.add('nc-role', m.ncChooseRole);
        if (!form.anonymity) e.add('nc-anonymity-0', m.ncChooseAnonymity);
        if (!form.ageBand) e.add('nc-ageBand', m.ncChooseAgeBand);
        if (!form.knowsAboutReport) e.add('nc-knowsAboutReport-0', m.ncChooseKnows);
        if (!form.regularity) e.add('nc-regularity', m.ncChooseRegularity);
        if (form.indicators.length === 0) e.add('nc-indicators-0', m.ncChooseIndicators);
        if (!form.issuePasscode) e.add('nc-issuePasscode-0', m.ncChoosePasscode);
        return e;
    }

    function body(): Schemas['NewConcern'] {
        const text = (v: string) => (v.trim() ? v.trim() : undefined);
        const anonymous = isAnonymous();
        return {
            channel: form.channel as Schemas['Channel'],
            receivedAt: form.receivedAt ? fromLocalInput(form.receivedAt) ?? undefined : undefined,
            issuePasscode: form.issuePasscode === 'yes',
            report: {
                reporter: {
                    role: form.role as Schemas['ReporterRole'],
                    anonymity: form.anonymity as Schemas['Anonymity'],
                    name: anonymous ? undefined : text(form.name),
                    organisation: anonymous ? undefined : text(form.organisation),
                    phone: anonymous ? undefined : text(form.phone),
                    email: anonymous ? undefined : text(form.email),
                    wantsStatusUpdates: form.issuePasscode === 'yes',
                },
                person: {
                    name: text(form.personName),
                    ageBand: form.ageBand as Schemas['AgeBand'],
                    appearance: text(form.appearance),
                    knowsAboutReport: form.knowsAboutReport as Schemas['KnowsAboutReport'],
                },
                whereabouts: {
                    address: text(form.address),
                    postcode: text(form.postcode),
                    placeDescription: text(form.placeDescription),
                    usualTimes: text(form.usualTimes),
                    regularity: form.regularity as Schemas['Regularity'],
                },
                observations: {
                    indicators: form.indicators as Schemas['Indicator'][],
                    description: text(form.description),
                    safetyNotes: text(form.safetyNotes),
                },
                urgency: form.urgency as Schemas['Urgency'],
                acuteDanger: form.acuteDanger,
            },
        };
    }

    async function submit(e: Event) {
        e.preventDefault();
        if (busy) return;
        childWelfare = null;
        failure = null;
        const found = clientErrors();
        if (!found.empty) {
            errors = found;
            ctx.update();
            focusSoon('nc-errors');
            return;
        }
        busy = true;
        errors = null;
        ctx.update();
        try {
            const { data } = await unwrap(api.POST('/api/v1/concerns', { params: { header: { 'Idempotency-Key': key } }, body: body() }));
            if (!ctx.active()) return;
            saved = data;
            form = blank();
            key = newKey();
            focusSoon('nc-saved-heading');
        } catch (err) {
            if (err instanceof ApiError && err.problem?.type === 'urn:skp:problem:child-welfare') {
                childWelfare = err.problem.detail ?? err.problem.title ?? '';
                errors = FormErrors.fromProblem(err, fieldId);
                focusSoon('nc-errors');
            } else if (err instanceof ApiError && err.status === 422 && err.fieldErrors.length) {
                errors = FormErrors.fromProblem(err, fieldId);
                focusSoon('nc-errors');
            } else {
                // The key stays: sending the same form again cannot make a second concern.
                failure = err;
                focusSoon('nc-failure');
            }
        }
        busy = false;
        ctx.update();
    }

    function codes(vocabulary: Vocabulary, leave: string[] = []) {
        return options(codesOf(vocabulary).filter((c) => !leave.includes(c)), (c) => label(vocabulary, c));
    }

    function savedView(s: Entered): TemplateResult {
        const m = t();
        return html`<section class="skp-panel skp-issued" aria-labelledby="nc-saved-heading" data-testid="nc-saved">
            <h2 id="nc-saved-heading" tabindex="-1">${m.ncSavedHeading}</h2>
            ${s.acuteDanger ? alert('error', m.ncAcuteTitle, m.ncAcuteText) : nothing}
            ${alert('warning', m.ncReadOutTitle, s.passcode ? m.ncReadOutWithPasscode : m.ncReadOutReference)}
            <dl class="skp-dl">
                <div class="skp-dl-row"><dt>${m.colReference}</dt><dd><strong class="skp-key" data-testid="nc-reference">${s.reference}</strong></dd></div>
                ${s.passcode ? html`<div class="skp-dl-row"><dt>${m.ncPasscode}</dt><dd><strong class="skp-key" data-testid="nc-passcode">${s.passcode}</strong></dd></div>` : nothing}
                <div class="skp-dl-row"><dt>${m.factChannel}</dt><dd>${label('Channel', s.channel)}, ${dateTime(s.receivedAt)}</dd></div>
            </dl>
            ${s.redactedFields && s.redactedFields.length ? html`<p>${m.ncCprRemoved}</p>` : nothing}
            <p>${hasRole(ctx.me, 'coordinator') ? m.ncInInbox : m.ncToCoordinators}</p>
            <p class="skp-form-buttons">
                ${hasRole(ctx.me, 'coordinator') ? html`<a class="button button-secondary" href="/concerns/${s.id}">${m.openConcern}</a>` : nothing}
                <button type="button" class="button button-primary" @click=${() => { saved = null; ctx.update(); focusSoon('page-heading'); }}>${m.ncAnother}</button>
            </p>
        </section>`;
    }

    function formView(): TemplateResult {
        const m = t();
        const err = (id: string) => errors?.of(id);
        const set = (field: keyof ReturnType<typeof blank>) => (v: string) => {
            (form as Record<string, unknown>)[field] = v;
        };
        const setAndRender = (field: keyof ReturnType<typeof blank>) => (v: string) => {
            (form as Record<string, unknown>)[field] = v;
            ctx.update();
        };
        const yesNo = [{ value: 'yes', label: m.yes }, { value: 'no', label: m.no }];
        return html`<form class="skp-new-concern" @submit=${submit} novalidate aria-describedby="nc-lead">
            ${errorSummary(errors, 'nc-errors')}
            ${childWelfare != null ? alert('error', m.ncChildTitle, childWelfare, { testid: 'nc-child-welfare' }) : nothing}
            ${failure ? html`<div id="nc-failure" tabindex="-1">${problem(failure)}<p>${m.ncRetrySafe}</p></div>` : nothing}

            <fieldset class="skp-section">
                <legend class="h3">${m.ncHowHeading}</legend>
                ${radioGroup({ id: 'nc-channel', legend: m.ncChannel, value: form.channel, options: codes('Channel', ['WEB_FORM', 'PARTNER_API']), error: err('nc-channel-0'), onChange: setAndRender('channel') })}
                ${textField({ id: 'nc-receivedAt', label: m.ncReceivedAt, hint: m.ncReceivedAtHint, type: 'datetime-local', optional: true, value: form.receivedAt, error: err('nc-receivedAt'), onInput: set('receivedAt'), inputClasses: 'input-width-m' })}
            </fieldset>

            <fieldset class="skp-section">
                <legend class="h3">${m.ncReporterHeading}</legend>
                ${selectField({ id: 'nc-role', label: m.ncRole, value: form.role, placeholder: m.choose, options: codes('ReporterRole'), error: err('nc-role'), onInput: setAndRender('role') })}
                ${radioGroup({ id: 'nc-anonymity', legend: m.ncAnonymity, hint: m.ncAnonymityHint, value: form.anonymity, options: codes('Anonymity'), error: err('nc-anonymity-0'), onChange: setAndRender('anonymity') })}
                ${form.anonymity && !isAnonymous() ? html`
                    ${textField({ id: 'nc-name', label: m.ncReporterName, optional: form.anonymity !== 'NAMED', value: form.name, maxlength: 200, autocomplete: 'off', error: err('nc-name'), onInput: set('name') })}
                    ${textField({ id: 'nc-organisation', label: m.ncOrganisation, optional: true, value: form.organisation, maxlength: 200, error: err('nc-organisation'), onInput: set('organisation') })}
                    ${textField({ id: 'nc-phone', label: m.ncPhone, hint: m.ncPhoneOrEmail, optional: true, type: 'tel', inputmode: 'tel', value: form.phone, maxlength: 40, error: err('nc-phone'), onInput: set('phone'), inputClasses: 'input-width-m' })}
                    ${textField({ id: 'nc-email', label: m.ncEmail, optional: true, type: 'email', inputmode: 'email', value: form.email, maxlength: 254, error: err('nc-email'), onInput: set('email') })}` : nothing}
            </fieldset>

            <fieldset class="skp-section">
                <legend class="h3">${m.ncPersonHeading}</legend>
                ${selectField({ id: 'nc-ageBand', label: m.ncAgeBand, hint: m.ncAgeBandHint, value: form.ageBand, placeholder: m.choose, options: codes('AgeBand'), error: err('nc-ageBand'), onInput: setAndRender('ageBand') })}
                ${textField({ id: 'nc-personName', label: m.ncPersonName, optional: true, value: form.personName, maxlength: 200, error: err('nc-personName'), onInput: set('personName') })}
                ${textArea({ id: 'nc-appearance', label: m.ncAppearance, hint: m.ncAppearanceHint, optional: true, rows: 2, value: form.appearance, maxlength: 1000, error: err('nc-appearance'), onInput: set('appearance') })}
                ${radioGroup({ id: 'nc-knowsAboutReport', legend: m.ncKnows, value: form.knowsAboutReport, options: codes('KnowsAboutReport'), error: err('nc-knowsAboutReport-0'), onChange: setAndRender('knowsAboutReport') })}
            </fieldset>

            <fieldset class="skp-section">
                <legend class="h3">${m.ncWhereHeading}</legend>
                <p class="form-hint">${m.ncWhereHint}</p>
                ${textField({ id: 'nc-address', label: m.ncAddress, optional: true, value: form.address, maxlength: 300, error: err('nc-address'), onInput: set('address') })}
                ${textField({ id: 'nc-postcode', label: m.ncPostcode, optional: true, inputmode: 'numeric', value: form.postcode, maxlength: 4, error: err('nc-postcode'), onInput: set('postcode'), inputClasses: 'input-width-xs' })}
                ${textArea({ id: 'nc-placeDescription', label: m.ncPlace, hint: m.ncPlaceHint, optional: true, rows: 2, value: form.placeDescription, maxlength: 1000, error: err('nc-placeDescription'), onInput: set('placeDescription') })}
                ${textField({ id: 'nc-usualTimes', label: m.ncUsualTimes, hint: m.ncUsualTimesHint, optional: true, value: form.usualTimes, maxlength: 500, error: err('nc-usualTimes'), onInput: set('usualTimes') })}
                ${selectField({ id: 'nc-regularity', label: m.ncRegularity, value: form.regularity, placeholder: m.choose, options: codes('Regularity'), error: err('nc-regularity'), onInput: setAndRender('regularity') })}
            </fieldset>

            <fieldset class="skp-section">
                <legend class="h3">${m.ncObservationsHeading}</legend>
                ${checkboxGroup({ id: 'nc-indicators', legend: m.ncIndicators, values: form.indicators, options: codes('Indicator'), error: err('nc-indicators-0'), onChange: (v) => { form.indicators = v; ctx.update(); } })}
                ${textArea({ id: 'nc-description', label: m.ncDescription, hint: m.ncDescriptionHint, optional: true, rows: 4, value: form.description, maxlength: 4000, error: err('nc-description'), onInput: set('description') })}
                ${textArea({ id: 'nc-safetyNotes', label: m.ncSafetyNotes, hint: m.ncSafetyNotesHint, optional: true, rows: 2, value: form.safetyNotes, maxlength: 1000, error: err('nc-safetyNotes'), onInput: set('safetyNotes') })}
                ${radioGroup({ id: 'nc-urgency', legend: m.ncUrgency, value: form.urgency, options: codes('Urgency'), error: err('nc-urgency-0'), onChange: setAndRender('urgency') })}
                <div class="form-group">
                    <div class="form-group-checkbox">
                        <input type="checkbox" class="form-checkbox" id="nc-acuteDanger" name="nc-acuteDanger" .checked=${form.acuteDanger}
                            aria-describedby="nc-acuteDanger-hint"
                            @change=${(e: Event) => { form.acuteDanger = (e.target as HTMLInputElement).checked; ctx.update(); }} />
                        <label class="form-label" for="nc-acuteDanger">${m.ncAcuteDanger}</label>
                    </div>
                    <span class="form-hint" id="nc-acuteDanger-hint">${m.ncAcuteDangerHint}</span>
                </div>
            </fieldset>

            <fieldset class="skp-section">
                <legend class="h3">${m.ncFollowUpHeading}</legend>
                ${radioGroup({ id: 'nc-issuePasscode', legend: m.ncIssuePasscode, hint: m.ncIssuePasscodeHint, value: form.issuePasscode, options: yesNo, error: err('nc-issuePasscode-0'), onChange: setAndRender('issuePasscode') })}
            </fieldset>

            <div class="skp-form-buttons">
                <button type="submit" class="button button-primary" ?disabled=${busy}>${busy ? m.saving : m.ncSubmit}</button>
            </div>
        </form>`;
    }

    return {
        title: () => t().ncTitle,
        view() {
            const m = t();
            return html`${pageHeading(m.ncTitle)}
                <p class="font-lead" id="nc-lead">${m.ncLead}</p>
                ${saved ? savedView(saved) : formView()}`;
        },
    };
}
