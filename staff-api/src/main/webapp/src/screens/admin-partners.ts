// Admin: partner organisations and their API keys. A new key is shown once, with a copy button and a warning;
// keys and partners can be revoked (with a confirmation).
import { html, nothing, type TemplateResult } from 'lit-html';
import { ApiError, api, unwrap, type Schemas } from '../api/client';
import { codesOf, label } from '../i18n';
import { t } from '../i18n/messages';
import type { Screen, ScreenContext } from '../screen';
import { alert, badge, icon, pageHeading, problem, spinner } from '../ui/components';
import { dateTime } from '../ui/format';
import { errorSummary, FormErrors, focusSoon, options, selectField, textField } from '../ui/forms';

type Partner = Schemas['Partner'];

export function partnersScreen(ctx: ScreenContext): Screen {
    let partners: Partner[] | null = null;
    let error: unknown = null;
    let creating = false;
    const draft = { id: '', name: '', defaultRole: '' };
    let formErrors: FormErrors | null = null;
    let actionProblem: unknown = null;
    let busy: string | null = null;
    let confirm: string | null = null; // 'partner:<id>' or 'key:<id>:<prefix>'
    let issued: { partner: string; key: Schemas['IssuedKey'] } | null = null;
    let copied = false;
    let notice: string | null = null;

    async function load() {
        try {
            const { data } = await unwrap(api.GET('/api/v1/admin/partners'));
            if (!ctx.active()) return;
            partners = data;
            error = null;
        } catch (e) {
            error = e;
        }
        ctx.update();
    }
    void load();

    async function act(name: string, run: () => Promise<unknown>, message: string) {
        busy = name;
        actionProblem = null;
        notice = null;
        ctx.update();
        try {
            await run();
            confirm = null;
            notice = message;
            await load();
        } catch (e) {
            actionProblem = e;
        }
        busy = null;
        ctx.update();
        focusSoon(actionProblem ? 'partners-problem' : 'partners-notice');
    }

    async function create(e: Event) {
        e.preventDefault();
        const m = t();
        const errors = new FormErrors();
        if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(draft.id)) errors.add('partner-id', m.partnerIdRule);
        if (!draft.name.trim()) errors.add('partner-name', m.enterName);
        if (!draft.defaultRole) errors.add('partner-defaultRole', m.chooseDefaultRole);
        if (!errors.empty) {
            formErrors = errors;
            ctx.update();
            focusSoon('partner-errors');
            return;
        }
        busy = 'create';
        formErrors = null;
        actionProblem = null;
        ctx.update();
        try {
            await unwrap(api.POST('/api/v1/admin/partners', { body: { id: draft.id, name: draft.name.trim(), defaultRole: draft.defaultRole as Schemas['ReporterRole'] } }));
            notice = m.partnerCreated(draft.name.trim());
            Object.assign(draft, { id: '', name: '', defaultRole: '' });
            creating = false;
            await load();
            focusSoon('partners-notice');
        } catch (err) {
            if (err instanceof ApiError && err.fieldErrors.length) {
                formErrors = FormErrors.fromProblem(err, (f) => (['id', 'name', 'defaultRole'].includes(f) ? `partner-${f}` : null));
                focusSoon('partner-errors');
            } else if (err instanceof ApiError && err.status === 409) {
                formErrors = new FormErrors();
                formErrors.add('partner-id', err.problem?.detail ?? m.partnerExists);
                focusSoon('partner-errors');
            } else actionProblem = err;
        }
        busy = null;
        ctx.update();
    }

    async function issueKey(p: Partner) {
        busy = `issue:${p.id}`;
        actionProblem = null;
        notice = null;
        copied = false;
        ctx.update();
        try {
            const { data } = await unwrap(api.POST('/api/v1/admin/partners/{id}/keys', { params: { path: { id: p.id! } } }));
            issued = { partner: p.name ?? p.id!, key: data };
            await load();
            focusSoon('issued-key-heading');
        } catch (e) {
            actionProblem = e;
            focusSoon('partners-problem');
        }
        busy = null;
        ctx.update();
    }

    async function copy() {
        if (!issued?.key.key) return;
        try {
            await navigator.clipboard.writeText(issued.key.key);
            copied = true;
        } catch {
            // Clipboard refused (e.g. not a secure context): select the key so that Ctrl+C works.
            const input = document.getElementById('issued-key') as HTMLTextAreaElement | null;
            input?.focus();
            input?.select();
            copied = false;
        }
        ctx.update();
    }

    function issuedKey(): TemplateResult | typeof nothing {
        const m = t();
        if (!issued) return nothing;
        return html`<section class="skp-panel skp-issued" aria-labelledby="issued-key-heading" data-testid="issued-key">
            <h2 id="issued-key-heading" tabindex="-1">${m.keyIssuedHeading(issued.partner)}</h2>
            ${alert('warning', m.keyOnceTitle, m.keyOnceText)}
            <div class="form-group">
                <label class="form-label" for="issued-key">${m.apiKey}</label>
                <textarea class="form-input skp-key" id="issued-key" rows="2" readonly spellcheck="false" .value=${issued.key.key ?? ''}
                    @focus=${(e: Event) => (e.target as HTMLTextAreaElement).select()}></textarea>
            </div>
            <p class="skp-form-buttons">
                <button type="button" class="button button-primary" @click=${() => void copy()}>${icon('copy')}${m.copyKey}</button>
                <button type="button" class="button button-secondary" @click=${() => { issued = null; ctx.update(); }}>${m.keyStored}</button>
            </p>
            <p role="status" class="skp-copied">${copied ? m.keyCopied : ''}</p>
        </section>`;
    }

    function createForm(): TemplateResult {
        const m = t();
        return html`<form class="skp-panel" @submit=${create} novalidate aria-labelledby="partner-form-heading">
            <h2 id="partner-form-heading" tabindex="-1">${m.newPartner}</h2>
            ${errorSummary(formErrors, 'partner-errors')}
            ${textField({ id: 'partner-id', label: m.partnerId, hint: m.partnerIdHint, value: draft.id, error: formErrors?.of('partner-id'), onInput: (v) => (draft.id = v), inputClasses: 'input-width-m' })}
            ${textField({ id: 'partner-name', label: m.partnerName, value: draft.name, maxlength: 200, error: formErrors?.of('partner-name'), onInput: (v) => (draft.name = v), inputClasses: 'input-width-l' })}
            ${selectField({ id: 'partner-defaultRole', label: m.defaultRole, hint: m.defaultRoleHint, value: draft.defaultRole, placeholder: m.choose, options: options(codesOf('ReporterRole'), (c) => label('ReporterRole', c)), error: formErrors?.of('partner-defaultRole'), onInput: (v) => (draft.defaultRole = v) })}
            <div class="skp-form-buttons">
                <button type="submit" class="button button-primary" ?disabled=${busy === 'create'}>${busy === 'create' ? m.saving : m.createPartner}</button>
                <button type="button" class="button button-tertiary" @click=${() => { creating = false; ctx.update(); }}>${m.cancel}</button>
            </div>
        </form>`;
    }

    function confirmButtons(key: string, question: string, confirmText: string, run: () => void) {
        const m = t();
        return html`<span class="skp-confirm" role="group" aria-label=${question}>
            <span class="skp-confirm-text">${question}</span>
            <button type="button" class="button button-primary button-small" ?disabled=${busy === key} @click=${run}>${confirmText}</button>
            <button type="button" class="button button-tertiary button-small" @click=${() => { confirm = null; ctx.update(); }}>${m.cancel}</button>
        </span>`;
    }

    function partnerCard(p: Partner): TemplateResult {
        const m = t();
        const revoked = !!p.revokedAt;
        const keys = p.keys ?? [];
        return html`<li class="skp-card">
            <h2 class="h3 skp-card-title">${p.name} <code class="skp-muted">${p.id}</code> ${revoked ? badge(m.revoked, 'error') : nothing}</h2>
            <dl class="skp-dl skp-dl-compact">
                <div class="skp-dl-row"><dt>${m.defaultRole}</dt><dd>${label('ReporterRole', p.defaultRole)}</dd></div>
                <div class="skp-dl-row"><dt>${m.created}</dt><dd>${dateTime(p.createdAt)}</dd></div>
                ${revoked ? html`<div class="skp-dl-row"><dt>${m.revokedAt}</dt><dd>${dateTime(p.revokedAt)}</dd></div>` : nothing}
            </dl>
            <h3 class="h5">${m.keys}</h3>
            ${keys.length === 0 ? html`<p>${m.noKeys}</p>` : html`<ul class="skp-keys">
                ${keys.map((k) => {
                    const ck = `key:${p.id}:${k.prefix}`;
                    return html`<li>
                        <code>${k.prefix}…</code> <span class="skp-muted">${m.issuedAt(dateTime(k.createdAt))}</span>
                        ${k.revokedAt ? badge(m.revokedOn(dateTime(k.revokedAt)), 'none') : confirm === ck
                            ? confirmButtons(ck, m.confirmRevokeKey(k.prefix ?? ''), m.revokeKey, () => void act(ck, () => unwrap(api.DELETE('/api/v1/admin/partners/{id}/keys/{prefix}', { params: { path: { id: p.id!, prefix: k.prefix! } } })), m.keyRevoked(k.prefix ?? '')))
                            : html`<button type="button" class="button button-tertiary button-small" aria-label=${m.revokeKeyNamed(k.prefix ?? '')} @click=${() => { confirm = ck; ctx.update(); }}>${m.revokeKey}</button>`}
                    </li>`;
                })}
            </ul>`}
            ${revoked ? nothing : html`<div class="skp-row-actions">
                <button type="button" class="button button-secondary" ?disabled=${busy === `issue:${p.id}`} aria-label=${m.issueKeyFor(`${p.name} (${p.id})`)} @click=${() => void issueKey(p)}>${icon('plus')}${m.issueKey}</button>
                ${confirm === `partner:${p.id}`
                    ? confirmButtons(`partner:${p.id}`, m.confirmRevokePartner(p.name ?? ''), m.revokePartner, () => void act(`partner:${p.id}`, () => unwrap(api.DELETE('/api/v1/admin/partners/{id}', { params: { path: { id: p.id! } } })), m.partnerRevoked(p.name ?? '')))
                    : html`<button type="button" class="button button-tertiary" aria-label=${m.revokePartnerNamed(`${p.name} (${p.id})`)} @click=${() => { confirm = `partner:${p.id}`; ctx.update(); }}>${m.revokePartner}</button>`}
            </div>`}
        </li>`;
    }

    return {
        title: () => t().partnersTitle,
        view() {
            const m = t();
            return html`${pageHeading(m.partnersTitle)}
                <p class="font-lead">${m.partnersLead}</p>
                ${issuedKey()}
                ${notice ? html`<div id="partners-notice" tabindex="-1" role="status">${alert('success', notice, nothing)}</div>` : nothing}
                ${actionProblem ? html`<div id="partners-problem" tabindex="-1">${problem(actionProblem)}</div>` : nothing}
                ${creating ? createForm() : html`<p><button type="button" class="button button-primary" @click=${() => { creating = true; formErrors = null; ctx.update(); focusSoon('partner-form-heading'); }}>${icon('plus')}${m.newPartner}</button></p>`}
                ${error ? problem(error, () => void load()) : nothing}
                ${partners == null && !error ? spinner() : nothing}
                ${partners && partners.length === 0 ? html`<p>${m.noPartners}</p>` : nothing}
                ${partners && partners.length ? html`<ul class="skp-cards skp-cards-wide" data-testid="partners-list">${partners.map(partnerCard)}</ul>` : nothing}`;
        },
    };
}
