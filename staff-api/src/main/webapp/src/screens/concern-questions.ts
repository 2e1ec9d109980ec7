// "Spørg anmelderen": a coordinator puts a question to the reporter of a concern (shown on the public status page to
// a reporter with a passcode; a reporter who left an e-mail address gets a mail with the reference only), and the
// team reads the answers here. The reporter stays as anonymous as they were.
import { html, nothing, type TemplateResult } from 'lit-html';
import { api, unwrap } from '../api/client';
import { label } from '../i18n';
import { t } from '../i18n/messages';
import { badge } from '../ui/components';
import { dateTime } from '../ui/format';
import { errorSummary, FormErrors, textArea } from '../ui/forms';
import type { ActionHost } from './concern-actions';

const MAX_QUESTION = 500;

export function createQuestions(host: ActionHost) {
    const draft = { question: '' };

    function askForm(): TemplateResult {
        const m = t();
        const errs = host.errors('question');
        const busy = host.busy() === 'question';
        const submit = async (e: Event) => {
            e.preventDefault();
            const question = draft.question.trim();
            if (!question) {
                const errors = new FormErrors();
                errors.add('question-question', m.askEnterQuestion);
                host.setErrors('question', errors);
                return;
            }
            const sent = await host.change('question',
                (ifMatch) => unwrap(api.POST('/api/v1/concerns/{id}/questions', {
                    params: { path: { id: host.concern().id! }, header: { 'If-Match': ifMatch } }, body: { question },
                })),
                m.askSent, (field) => (field.endsWith('question') ? 'question-question' : null));
            if (sent) {
                draft.question = '';
                host.update();
            }
        };
        return html`<form class="skp-action-form" id="form-question" @submit=${submit} novalidate aria-labelledby="ask-heading">
            ${errorSummary(errs, 'errors-question')}
            ${textArea({
                id: 'question-question', label: m.askQuestion, hint: m.askHint, value: draft.question, rows: 3,
                maxlength: MAX_QUESTION, error: errs?.of('question-question'),
                onInput: (v) => { draft.question = v; },
            })}
            <div class="skp-form-buttons">
                <button type="submit" class="button button-primary" id="send-question" ?disabled=${busy}>${busy ? m.saving : m.askSubmit}</button>
            </div>
        </form>`;
    }

    /** The questions and answers for anyone who reads the concern; the form for a coordinator while it can be used. */
    function section(): TemplateResult {
        const m = t();
        const c = host.concern();
        const q = c.reporterQuestions;
        const items = q?.items ?? [];
        const reachable = q?.reachableBy ?? [];
        const coordinator = host.me.roles.includes('coordinator');
        let form: TemplateResult | typeof nothing = nothing;
        if (coordinator && !c.erasedAt) {
            if (!reachable.length) form = html`<p class="skp-muted" id="ask-unreachable">${m.askUnreachable}</p>`;
            else if (q?.openQuestion) form = html`<p class="skp-muted" id="ask-open">${m.askOpen}</p>`;
            else form = askForm();
        }
        if (!coordinator && !items.length) return html``;
        return html`<section class="skp-section" aria-labelledby="ask-heading" data-testid="reporter-questions">
            <h2 id="ask-heading">${m.askHeading}</h2>
            ${coordinator && !c.erasedAt ? html`<p>${m.askLead}</p>` : nothing}
            ${reachable.length && coordinator ? html`<p>${m.askReachableBy}: ${reachable.map((r) => label('ReporterChannel', r)).join(', ')}.</p>` : nothing}
            ${items.length ? html`<ol class="nobullet-list skp-questions">
                ${items.map((item) => html`<li class="skp-question" data-question=${item.id ?? ''}>
                    <p class="skp-question-text"><strong>${m.askQuestion}:</strong> ${item.question}</p>
                    <p class="form-hint">${m.askAskedBy(item.askedByName ?? item.askedBy ?? '', dateTime(item.askedAt))}</p>
                    ${item.answer != null
                        ? html`<p class="skp-answer"><strong>${m.askAnswer}:</strong> <span class="skp-answer-text">${item.answer}</span></p>
                            <p class="form-hint">${m.askAnsweredAt(dateTime(item.answeredAt))}</p>`
                        : html`<p>${badge(m.askWaiting, 'info')}</p>`}
                </li>`)}
            </ol>` : coordinator ? html`<p class="skp-muted">${m.askNoQuestions}</p>` : nothing}
            ${form}
        </section>`;
    }

    return { section };
}
