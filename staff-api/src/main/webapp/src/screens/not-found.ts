import { html } from 'lit-html';
import { t } from '../i18n/messages';
import type { Screen, ScreenContext } from '../screen';
import { pageHeading } from '../ui/components';

export function notFoundScreen(_ctx: ScreenContext): Screen {
    return {
        title: () => t().pageNotFoundTitle,
        view: () => html`${pageHeading(t().pageNotFoundTitle)}
            <p class="font-lead">${t().pageNotFoundText}</p>
            <p><a href="/" class="button button-primary">${t().toStart}</a></p>`,
    };
}

export function forbiddenScreen(_ctx: ScreenContext): Screen {
    return {
        title: () => t().forbiddenTitle,
        view: () => html`${pageHeading(t().forbiddenTitle)}
            <p class="font-lead">${t().forbiddenPageText}</p>
            <p><a href="/" class="button button-primary">${t().toStart}</a></p>`,
    };
}
