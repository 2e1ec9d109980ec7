// Form fields in DKFDS markup (form-group, form-label, form-hint, form-error-message) and the error summary that
// links to them. Values live in the screens' state, never only in the DOM, so a re-render or a reload of the
// concern after a 412 keeps what the user typed.
import { html, nothing, type TemplateResult } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { ifDefined } from 'lit-html/directives/if-defined.js';
import { ApiError } from '../api/client';
import { t } from '../i18n/messages';
import { icon } from './components';

export interface Option {
    value: string;
    label: string;
}

/** Errors of one form: by field id, and in order for the summary. */
export class FormErrors {
    private readonly byId = new Map<string, string>();
    readonly summary: { target: string | null; message: string }[] = [];

    add(target: string | null, message: string): void {
        if (target && !this.byId.has(target)) this.byId.set(target, message);
        this.summary.push({ target, message });
    }

    of(id: string): string | undefined {
        return this.byId.get(id);
    }

    get empty(): boolean {
        return this.summary.length === 0;
    }

    /** The per-field errors of a 422 problem+json; `idOf` maps the API's field name to the input's id. */
    static fromProblem(error: ApiError, idOf: (field: string) => string | null): FormErrors {
        const errors = new FormErrors();
        for (const fieldError of error.fieldErrors) {
            errors.add(fieldError.field ? idOf(fieldError.field) : null, sentence(fieldError.message ?? error.message));
        }
        if (errors.empty) errors.add(null, error.problem?.detail || error.message);
        return errors;
    }
}

/** Server messages may start in lower case ("registrér mindst ét …"); shown alone they read as sentences. */
function sentence(text: string): string {
    return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
    const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return ids || undefined;
}

function hintTpl(id: string, hint?: string) {
    return hint ? html`<span class="form-hint" id="${id}-hint">${hint}</span>` : nothing;
}

function errorTpl(id: string, error?: string) {
    return error
        ? html`<span class="form-error-message" id="${id}-error"><span class="sr-only">${t().errorPrefix} </span>${error}</span>`
        : nothing;
}

function labelTpl(id: string, text: string, optional?: boolean) {
    return html`<label class="form-label" for=${id}>${text}${optional ? html`<span class="weight-normal"> ${t().optional}</span>` : nothing}</label>`;
}

export interface FieldProps {
    id: string;
    label: string;
    value: string;
    onInput: (value: string) => void;
    error?: string;
    hint?: string;
    optional?: boolean;
    type?: string;
    autocomplete?: string;
    inputmode?: string;
    maxlength?: number;
    min?: string;
    max?: string;
    classes?: string;
    inputClasses?: string;
}

export function textField(p: FieldProps): TemplateResult {
    return html`<div class="form-group ${p.error ? 'form-error' : ''} ${p.classes ?? ''}">
        ${labelTpl(p.id, p.label, p.optional)} ${hintTpl(p.id, p.hint)} ${errorTpl(p.id, p.error)}
        <input class="form-input ${p.inputClasses ?? ''}" id=${p.id} name=${p.id} type=${p.type ?? 'text'}
            .value=${live(p.value)}
            ?required=${!p.optional}
            aria-invalid=${p.error ? 'true' : 'false'}
            aria-describedby=${ifDefined(describedBy(p.id, p.hint, p.error))}
            autocomplete=${p.autocomplete ?? 'off'}
            inputmode=${ifDefined(p.inputmode)}
            maxlength=${ifDefined(p.maxlength)}
            min=${ifDefined(p.min)} max=${ifDefined(p.max)}
            @input=${(e: Event) => p.onInput((e.target as HTMLInputElement).value)} />
    </div>`;
}

export function textArea(p: FieldProps & { rows?: number }): TemplateResult {
    return html`<div class="form-group ${p.error ? 'form-error' : ''} ${p.classes ?? ''}">
        ${labelTpl(p.id, p.label, p.optional)} ${hintTpl(p.id, p.hint)} ${errorTpl(p.id, p.error)}
        <textarea class="form-input" id=${p.id} name=${p.id} rows=${p.rows ?? 3}
            .value=${live(p.value)}
            ?required=${!p.optional}
            aria-invalid=${p.error ? 'true' : 'false'}
            aria-describedby=${ifDefined(describedBy(p.id, p.hint, p.error))}
            maxlength=${ifDefined(p.maxlength)}
            @input=${(e: Event) => p.onInput((e.target as HTMLTextAreaElement).value)}></textarea>
    </div>`;
}

export function selectField(p: FieldProps & { options: Option[]; placeholder?: string }): TemplateResult {
    return html`<div class="form-group ${p.error ? 'form-error' : ''} ${p.classes ?? ''}">
        ${labelTpl(p.id, p.label, p.optional)} ${hintTpl(p.id, p.hint)} ${errorTpl(p.id, p.error)}
        <select class="form-select" id=${p.id} name=${p.id}
            ?required=${!p.optional}
            aria-invalid=${p.error ? 'true' : 'false'}
            aria-describedby=${ifDefined(describedBy(p.id, p.hint, p.error))}
            @change=${(e: Event) => p.onInput((e.target as HTMLSelectElement).value)}>
            ${p.placeholder != null ? html`<option value="" ?selected=${p.value === ''}>${p.placeholder}</option>` : nothing}
            ${p.options.map((o) => html`<option value=${o.value} ?selected=${o.value === p.value}>${o.label}</option>`)}
        </select>
    </div>`;
}

export interface GroupProps {
    id: string;
    legend: string;
    options: Option[];
    error?: string;
    hint?: string;
    classes?: string;
}

/** Radio buttons; the first option's input has id `${id}-0`, where the error summary links. */
export function radioGroup(p: GroupProps & { value: string; onChange: (value: string) => void }): TemplateResult {
    return html`<div class="form-group ${p.error ? 'form-error' : ''} ${p.classes ?? ''}">
        <fieldset aria-describedby=${ifDefined(describedBy(p.id, p.hint, p.error))}>
            <legend class="form-label">${p.legend}</legend>
            ${hintTpl(p.id, p.hint)} ${errorTpl(p.id, p.error)}
            ${p.options.map((o, i) => html`<div class="form-group-radio">
                <input type="radio" class="form-radio" id="${p.id}-${i}" name=${p.id} value=${o.value}
                    .checked=${live(o.value === p.value)}
                    @change=${() => p.onChange(o.value)} />
                <label class="form-label" for="${p.id}-${i}">${o.label}</label>
            </div>`)}
        </fieldset>
    </div>`;
}

/** Check boxes; the first option's input has id `${id}-0`, where the error summary links. */
export function checkboxGroup(p: GroupProps & { values: readonly string[]; onChange: (values: string[]) => void }): TemplateResult {
    const toggle = (value: string, on: boolean) => {
        const next = p.options.map((o) => o.value).filter((v) => (v === value ? on : p.values.includes(v)));
        p.onChange(next);
    };
    return html`<div class="form-group ${p.error ? 'form-error' : ''} ${p.classes ?? ''}">
        <fieldset aria-describedby=${ifDefined(describedBy(p.id, p.hint, p.error))}>
            <legend class="form-label">${p.legend}</legend>
            ${hintTpl(p.id, p.hint)} ${errorTpl(p.id, p.error)}
            ${p.options.map((o, i) => html`<div class="form-group-checkbox">
                <input type="checkbox" class="form-checkbox" id="${p.id}-${i}" name=${p.id} value=${o.value}
                    .checked=${live(p.values.includes(o.value))}
                    @change=${(e: Event) => toggle(o.value, (e.target as HTMLInputElement).checked)} />
                <label class="form-label" for="${p.id}-${i}">${o.label}</label>
            </div>`)}
        </fieldset>
    </div>`;
}

/**
 * DKFDS error summary: a list of the problems linking to their fields. It takes focus when it appears (see
 * focusSummary), so a screen reader reads it at once.
 */
export function errorSummary(errors: FormErrors | null, id: string): TemplateResult | typeof nothing {
    if (!errors || errors.empty) return nothing;
    const m = t();
    const jump = (e: Event, target: string) => {
        e.preventDefault();
        const el = document.getElementById(target);
        el?.focus();
        el?.scrollIntoView({ block: 'center' });
    };
    return html`<div class="alert alert-error skp-error-summary" id=${id} tabindex="-1" role="alert" aria-labelledby="${id}-heading">
        ${icon('error', 'alert-icon')}
        <div class="alert-body">
            <h2 class="alert-heading h3" id="${id}-heading">${m.errorSummaryHeading}</h2>
            <ul class="alert-text nobullet-list">
                ${errors.summary.map((e) => html`<li>${e.target
                    ? html`<a class="function-link" href="#${e.target}" @click=${(ev: Event) => jump(ev, e.target!)}>${e.message}</a>`
                    : e.message}</li>`)}
            </ul>
        </div>
    </div>`;
}

/** After the render that shows an error summary, move focus to it. */
export function focusSoon(id: string): void {
    requestAnimationFrame(() => document.getElementById(id)?.focus());
}

export function options(codes: string[], labelOf: (code: string) => string): Option[] {
    return codes.map((value) => ({ value, label: labelOf(value) }));
}
