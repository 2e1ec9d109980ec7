// Small building blocks in DKFDS markup: icons, badges, alerts, the problem display and loading states.
import { html, nothing, type TemplateResult } from 'lit-html';
import sprite from 'dkfds-dist/img/all-svg-icons.svg?url';
import { ApiError, NetworkError, SessionEnded } from '../api/client';
import { t } from '../i18n/messages';
import { label, type Vocabulary } from '../i18n';
import { timeOfDay } from './format';

export function icon(name: string, classes = ''): TemplateResult {
    return html`<svg class="icon-svg ${classes}" focusable="false" aria-hidden="true"><use href="${sprite}#${name}"></use></svg>`;
}

export type BadgeVariant = 'none' | 'info' | 'success' | 'warning' | 'error';

export function badge(text: string, variant: BadgeVariant = 'none', classes = ''): TemplateResult {
    return html`<span class="badge ${variant === 'none' ? '' : `badge-${variant}`} ${classes}">${text}</span>`;
}

const STATUS_VARIANT: Record<string, BadgeVariant> = {
    RECEIVED: 'info',
    REOPENED: 'info',
    TRIAGED: 'none',
    ASSIGNED: 'none',
    IN_CONTACT: 'success',
    CLOSED: 'none',
    REDIRECTED: 'none',
    DUPLICATE: 'none',
    OUTSIDE_TARGET_GROUP: 'none',
};

export function statusBadge(status: string | undefined): TemplateResult | typeof nothing {
    if (!status) return nothing;
    return badge(label('ConcernStatus', status), STATUS_VARIANT[status] ?? 'none', 'skp-badge-status');
}

export function attentionBadge(attention: string | undefined): TemplateResult | typeof nothing {
    switch (attention) {
        case 'ACUTE':
        case 'URGENT':
        case 'OVERDUE':
            return badge(label('Attention', attention), 'error');
        case 'DUE_SOON':
            return badge(label('Attention', attention), 'warning');
        case 'WAITING':
            return badge(label('Attention', attention), 'info');
        default:
            return nothing;
    }
}

/** Acute danger and urgency, leaving out what an attention badge beside them already says. */
export function urgencyBadges(urgency: string | undefined, acuteDanger: boolean | undefined, attention?: string): TemplateResult {
    const showAcute = acuteDanger && attention !== 'ACUTE';
    // Acute danger always comes with URGENT: one badge says it.
    const showUrgency = urgency && urgency !== 'NORMAL' && !acuteDanger && attention !== 'URGENT';
    return html`${showAcute ? badge(t().acuteDanger, 'error') : nothing}
    ${showUrgency ? badge(label('Urgency', urgency), urgency === 'URGENT' ? 'error' : 'warning') : nothing}`;
}

export function codeList(vocabulary: Vocabulary, codes: readonly string[] | null | undefined): string {
    return (codes ?? []).map((code) => label(vocabulary, code)).join(', ');
}

export type AlertVariant = 'info' | 'success' | 'warning' | 'error';

export function alert(
    variant: AlertVariant,
    heading: string | null,
    content: TemplateResult | string | typeof nothing,
    options: { headingLevel?: 2 | 3; classes?: string; testid?: string } = {},
): TemplateResult {
    const iconName = { info: 'info', success: 'success', warning: 'warning', error: 'error' }[variant];
    const headingTpl = heading == null
        ? nothing
        : options.headingLevel === 2
          ? html`<h2 class="alert-heading h3">${heading}</h2>`
          : html`<p class="alert-heading">${heading}</p>`;
    return html`<div class="alert alert-${variant} ${options.classes ?? ''}" data-testid=${options.testid ?? nothing}>
        ${icon(iconName, 'alert-icon')}
        <div class="alert-body">
            ${headingTpl}
            ${typeof content === 'string' ? html`<p class="alert-text">${content}</p>` : html`<div class="alert-text">${content}</div>`}
        </div>
    </div>`;
}

export function spinner(text?: string): TemplateResult {
    return html`<div class="spinner-box skp-loading">
        <div class="spinner" aria-hidden="true"></div>
        <div class="spinner-status" role="status">${text ?? t().loading}</div>
    </div>`;
}

/**
 * A readable message for anything that went wrong talking to the server: the problem's title and detail, a retry
 * for network errors, a way back to the sign-in when it keeps failing. Nothing while the browser is leaving for it.
 */
export function problem(error: unknown, retry?: () => void): TemplateResult | typeof nothing {
    const m = t();
    const retryButton = retry
        ? html`<p><button type="button" class="button button-secondary" @click=${retry}>${m.retry}</button></p>`
        : nothing;
    if (error instanceof SessionEnded) {
        if (!error.looping) return spinner(m.signingInAgain);
        return html`<div role="alert">${alert('error', m.signInFailedTitle, html`<p>${m.signInFailed}</p>
            <p><a href="/login" data-native>${m.signInAgain}</a></p>`)}</div>`;
    }
    if (error instanceof NetworkError) {
        return html`<div role="alert">${alert('error', m.networkTitle, html`<p>${m.networkText}</p>${retryButton}`)}</div>`;
    }
    if (error instanceof ApiError) {
        const p = error.problem;
        const title = p?.title || (error.status === 403 ? m.forbiddenTitle : m.serverErrorTitle);
        const detail = p?.detail || (error.status === 403 ? m.forbiddenText : m.serverErrorText(error.status));
        return html`<div role="alert">${alert('error', title, html`<p>${detail}</p>
            ${error.status >= 500 ? retryButton : nothing}`)}</div>`;
    }
    return html`<div role="alert">${alert('error', m.unexpectedTitle, html`<p>${String((error as Error)?.message ?? error)}</p>${retryButton}`)}</div>`;
}

/**
 * A reload button for lists, with when they were loaded in a polite live region: "Hentet kl. 05.12".
 */
export function refreshBar(loadedAt: Date | null, busy: boolean, reload: () => void): TemplateResult {
    const m = t();
    const time = loadedAt ? timeOfDay(loadedAt) : '';
    return html`<div class="skp-refresh">
        <button type="button" class="button button-tertiary button-small" ?disabled=${busy} @click=${reload}>${icon('refresh')}${m.refresh}</button>
        <span class="skp-muted" role="status">${busy ? m.loading : loadedAt ? m.loadedAt(time) : ''}</span>
    </div>`;
}

/** A definition list row that is left out when there is nothing to show. */
export function row(term: string, value: unknown): TemplateResult | typeof nothing {
    if (value == null || value === '' || (Array.isArray(value) && value.length === 0)) return nothing;
    return html`<div class="skp-dl-row"><dt>${term}</dt><dd>${value}</dd></div>`;
}

/** The heading of a screen: focus moves here on navigation (tabindex -1). */
export function pageHeading(text: string, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
    return html`<h1 id="page-heading" tabindex="-1">${text}</h1>${extra}`;
}

export function backLink(href: string, text: string): TemplateResult {
    return html`<div><a class="back-link" href=${href}>${icon('chevron-left')}${text}</a></div>`;
}
