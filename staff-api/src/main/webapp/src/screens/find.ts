// Find a concern by its reference. /concerns?reference=SKP-XXXX-XXXX (the link in intake's team alerts) opens the
// concern directly; the same look-up sits on the inbox.
import { html, nothing } from 'lit-html';
import { api, unwrap } from '../api/client';
import { t } from '../i18n/messages';
import { navigate } from '../router';
import type { Screen, ScreenContext } from '../screen';
import { pageHeading, problem, spinner } from '../ui/components';
import { textField } from '../ui/forms';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id of the concern with this reference (or this id), null when there is none the user may see. */
export async function lookUp(referenceOrId: string): Promise<string | null> {
    const value = referenceOrId.trim();
    if (UUID.test(value)) return value;
    const { data } = await unwrap(api.GET('/api/v1/concerns', { params: { query: { reference: value, limit: 1 } } }));
    return data.items?.[0]?.id ?? null;
}

/** A search box for a reference; goes to the concern when it is found. */
export function referenceSearch(idPrefix: string, update: () => void, initial = '') {
    let value = initial;
    let message: string | null = null;
    let error: unknown = null;
    let busy = false;

    async function submit(e: Event) {
        e.preventDefault();
        const m = t();
        message = null;
        error = null;
        if (!value.trim()) {
            message = m.referenceMissing;
            update();
            return;
        }
        busy = true;
        update();
        try {
            const id = await lookUp(value);
            if (id) navigate(`/concerns/${id}`);
            else message = m.referenceNotFound(value.trim());
        } catch (err) {
            error = err;
        } finally {
            busy = false;
            update();
        }
    }

    return {
        view() {
            const m = t();
            const id = `${idPrefix}-reference`;
            return html`<search class="skp-search">
                <form @submit=${submit} novalidate>
                    <div class="skp-search-row">
                        ${textField({
                            id,
                            label: m.findByReference,
                            hint: m.findByReferenceHint,
                            value,
                            error: message ?? undefined,
                            onInput: (v) => (value = v),
                            autocomplete: 'off',
                            classes: 'skp-search-field',
                            inputClasses: 'input-width-m',
                        })}
                        <button type="submit" class="button button-secondary" ?disabled=${busy}>${m.find}</button>
                    </div>
                </form>
                ${error ? problem(error) : nothing}
            </search>`;
        },
    };
}

export function findScreen(ctx: ScreenContext): Screen {
    const reference = ctx.query.get('reference') ?? '';
    let searching = !!reference.trim();
    let error: unknown = null;
    let notFound = false;
    const search = referenceSearch('find', ctx.update, reference);

    async function run() {
        try {
            const id = await lookUp(reference);
            if (!ctx.active()) return;
            if (id) {
                navigate(`/concerns/${id}`, { replace: true });
                return;
            }
            notFound = true;
        } catch (e) {
            error = e;
        }
        searching = false;
        ctx.update();
    }
    if (searching) void run();

    return {
        title: () => t().findTitle,
        view() {
            const m = t();
            return html`${pageHeading(m.findTitle)}
                ${searching ? spinner(m.findSearching(reference)) : nothing}
                ${error ? problem(error, () => { error = null; searching = true; ctx.update(); void run(); }) : nothing}
                ${notFound ? html`<div role="status">${m.notFoundOrNotYours(reference)}</div>` : nothing}
                ${searching ? nothing : search.view()}`;
        },
    };
}
