// Admin: contact persons with their load; create, edit (absence, districts, capacity, name, e-mail), delete.
import { html, nothing, type TemplateResult } from 'lit-html';
import { ApiError, api, unwrap, type Schemas } from '../api/client';
import { t } from '../i18n/messages';
import type { Screen, ScreenContext } from '../screen';
import { alert, badge, icon, pageHeading, problem, spinner } from '../ui/components';
import { date } from '../ui/format';
import { errorSummary, FormErrors, focusSoon, textField } from '../ui/forms';

type ContactPerson = Schemas['ContactPerson'];

interface Draft {
    subject: string;
    name: string;
    email: string;
    districts: string;
    capacity: string;
    absentUntil: string;
}

const empty = (): Draft => ({ subject: '', name: '', email: '', districts: '', capacity: '8', absentUntil: '' });
const FIELDS = ['subject', 'name', 'email', 'districts', 'capacity', 'absentUntil'];

export function contactPersonsScreen(ctx: ScreenContext): Screen {
    let people: ContactPerson[] | null = null;
    let error: unknown = null;
    let editing: string | null = null; // 'new' or an id
    let draft = empty();
    let formErrors: FormErrors | null = null;
    let formProblem: unknown = null;
    let busy = false;
    let confirmDelete: string | null = null;
    let notice: string | null = null;

    async function load() {
        try {
            const { data } = await unwrap(api.GET('/api/v1/admin/contact-persons'));
            if (!ctx.active()) return;
            people = data;
            error = null;
        } catch (e) {
            error = e;
        }
        ctx.update();
    }
    void load();

    function edit(target: string, person?: ContactPerson) {
        editing = target;
        formErrors = null;
        formProblem = null;
        confirmDelete = null;
        draft = person
            ? { subject: person.subject ?? '', name: person.name ?? '', email: person.email ?? '', districts: (person.districts ?? []).join(', '), capacity: String(person.capacity ?? 0), absentUntil: person.absentUntil ?? '' }
            : empty();
        ctx.update();
        requestAnimationFrame(() => document.getElementById('cp-form-heading')?.focus());
    }

    function done(message: string) {
        const was = editing;
        editing = null;
        notice = message;
        void load();
        ctx.update();
        requestAnimationFrame(() => document.getElementById(was === 'new' ? 'cp-new' : 'cp-notice')?.focus());
    }

    async function save(e: Event) {
        e.preventDefault();
        const m = t();
        const errors = new FormErrors();
        if (editing === 'new' && !draft.subject.trim()) errors.add('cp-subject', m.enterSubject);
        if (!draft.name.trim()) errors.add('cp-name', m.enterName);
        if (!draft.email.trim()) errors.add('cp-email', m.enterEmail);
        const capacity = Number(draft.capacity);
        if (!/^\d+$/.test(draft.capacity.trim()) || capacity > 200) errors.add('cp-capacity', m.enterCapacity);
        if (!errors.empty) {
            formErrors = errors;
            ctx.update();
            focusSoon('cp-errors');
            return;
        }
        const districts = draft.districts.split(',').map((d) => d.trim()).filter(Boolean);
        const body = { name: draft.name.trim(), email: draft.email.trim(), districts, capacity, ...(draft.absentUntil ? { absentUntil: draft.absentUntil } : {}) };
        busy = true;
        formErrors = null;
        formProblem = null;
        ctx.update();
        try {
            if (editing === 'new') await unwrap(api.POST('/api/v1/admin/contact-persons', { body: { ...body, subject: draft.subject.trim() } }));
            else await unwrap(api.PUT('/api/v1/admin/contact-persons/{id}', { params: { path: { id: editing! } }, body }));
            busy = false;
            done(editing === 'new' ? m.contactPersonCreated(body.name) : m.contactPersonSaved(body.name));
        } catch (err) {
            busy = false;
            if (err instanceof ApiError && err.fieldErrors.length) {
                formErrors = FormErrors.fromProblem(err, (field) => {
                    const name = field.split('.').pop()!.replace(/\[\d+\]$/, '');
                    return FIELDS.includes(name) ? `cp-${name}` : null;
                });
                focusSoon('cp-errors');
            } else formProblem = err;
            ctx.update();
        }
    }

    async function remove(person: ContactPerson) {
        const m = t();
        busy = true;
        ctx.update();
        try {
            await unwrap(api.DELETE('/api/v1/admin/contact-persons/{id}', { params: { path: { id: person.id! } } }));
            confirmDelete = null;
            busy = false;
            done(m.contactPersonDeleted(person.name ?? ''));
        } catch (err) {
            busy = false;
            formProblem = err;
            ctx.update();
        }
    }

    function form(): TemplateResult {
        const m = t();
        const isNew = editing === 'new';
        return html`<form class="skp-panel" @submit=${save} novalidate aria-labelledby="cp-form-heading" data-testid="contact-person-form">
            <h2 id="cp-form-heading" tabindex="-1">${isNew ? m.newContactPerson : m.editContactPerson(draft.name)}</h2>
            ${errorSummary(formErrors, 'cp-errors')}
            ${formProblem ? problem(formProblem) : nothing}
            ${isNew ? textField({ id: 'cp-subject', label: m.subject, hint: m.subjectHint, value: draft.subject, maxlength: 255, error: formErrors?.of('cp-subject'), onInput: (v) => (draft.subject = v), inputClasses: 'input-width-l' }) : nothing}
            ${textField({ id: 'cp-name', label: m.name, value: draft.name, maxlength: 200, autocomplete: 'off', error: formErrors?.of('cp-name'), onInput: (v) => (draft.name = v), inputClasses: 'input-width-l' })}
            ${textField({ id: 'cp-email', label: m.workEmail, type: 'email', value: draft.email, maxlength: 254, error: formErrors?.of('cp-email'), onInput: (v) => (draft.email = v), inputClasses: 'input-width-l' })}
            ${textField({ id: 'cp-districts', label: m.districts, hint: m.districtsHint, value: draft.districts, optional: true, error: formErrors?.of('cp-districts'), onInput: (v) => (draft.districts = v), inputClasses: 'input-width-l' })}
            ${textField({ id: 'cp-capacity', label: m.capacity, hint: m.capacityHint, type: 'number', inputmode: 'numeric', min: '0', max: '200', value: draft.capacity, error: formErrors?.of('cp-capacity'), onInput: (v) => (draft.capacity = v), inputClasses: 'input-width-xs' })}
            ${textField({ id: 'cp-absentUntil', label: m.absentUntilLabel, hint: m.absentUntilHint, type: 'date', value: draft.absentUntil, optional: true, error: formErrors?.of('cp-absentUntil'), onInput: (v) => (draft.absentUntil = v), inputClasses: 'input-width-s' })}
            <div class="skp-form-buttons">
                <button type="submit" class="button button-primary" ?disabled=${busy}>${busy ? m.saving : m.save}</button>
                <button type="button" class="button button-tertiary" @click=${() => { editing = null; ctx.update(); }}>${m.cancel}</button>
            </div>
        </form>`;
    }

    function table(list: ContactPerson[]): TemplateResult {
        const m = t();
        return html`<div class="table--responsive-scroll" tabindex="0" role="region" aria-labelledby="cp-caption">
            <table class="table table--compact skp-table-cards" data-testid="contact-persons-table">
                <caption id="cp-caption" class="sr-only">${m.contactPersonsTitle}</caption>
                <thead><tr>
                    <th scope="col">${m.name}</th><th scope="col">${m.subject}</th><th scope="col">${m.districts}</th>
                    <th scope="col">${m.colLoad}</th><th scope="col">${m.colAbsence}</th><th scope="col"><span class="sr-only">${m.colActions}</span></th>
                </tr></thead>
                <tbody>${list.map((p) => html`<tr>
                    <th scope="row" data-title=${m.name}>${p.name}<br /><span class="skp-muted">${p.email}</span></th>
                    <td data-title=${m.subject}><code>${p.subject}</code></td>
                    <td data-title=${m.districts}>${(p.districts ?? []).join(', ')}</td>
                    <td data-title=${m.colLoad}><span class=${(p.openConcerns ?? 0) > (p.capacity ?? 0) ? 'skp-overdue' : ''}>${m.load(p.openConcerns ?? 0, p.capacity ?? 0)}</span></td>
                    <td data-title=${m.colAbsence}>${p.absent ? badge(p.absentUntil ? m.absentUntil(date(p.absentUntil)) : m.absent, 'warning') : p.absentUntil ? m.awayFrom(date(p.absentUntil)) : m.present}</td>
                    <td data-title=${m.colActions}>
                        <div class="skp-row-actions">
                            <button type="button" class="button button-secondary button-small" aria-label=${m.editNamed(p.name ?? '')} @click=${() => edit(p.id!, p)}>${icon('edit')}${m.edit}</button>
                            ${confirmDelete === p.id
                                ? html`<span class="skp-confirm" role="group" aria-label=${m.confirmDeleteNamed(p.name ?? '')}>
                                      <button type="button" class="button button-primary button-small" ?disabled=${busy} @click=${() => void remove(p)}>${m.confirmDelete}</button>
                                      <button type="button" class="button button-tertiary button-small" @click=${() => { confirmDelete = null; ctx.update(); }}>${m.cancel}</button>
                                  </span>`
                                : html`<button type="button" class="button button-tertiary button-small" aria-label=${m.deleteNamed(p.name ?? '')}
                                      @click=${() => { confirmDelete = p.id!; formProblem = null; ctx.update(); }}>${icon('delete')}${m.delete}</button>`}
                        </div>
                    </td>
                </tr>`)}</tbody>
            </table>
        </div>`;
    }

    return {
        title: () => t().contactPersonsTitle,
        view() {
            const m = t();
            return html`${pageHeading(m.contactPersonsTitle)}
                <p class="font-lead">${m.contactPersonsLead}</p>
                ${notice ? html`<div id="cp-notice" tabindex="-1" role="status">${alert('success', notice, nothing)}</div>` : nothing}
                ${editing ? form() : html`<p><button type="button" id="cp-new" class="button button-primary" @click=${() => edit('new')}>${icon('person-add')}${m.newContactPerson}</button></p>`}
                ${formProblem && !editing ? problem(formProblem) : nothing}
                ${error ? problem(error, () => void load()) : nothing}
                ${people == null && !error ? spinner() : nothing}
                ${people && people.length === 0 ? html`<p>${m.noContactPersonsYet}</p>` : nothing}
                ${people && people.length ? table(people) : nothing}`;
        },
    };
}
