// The read-only parts of the concern page: key facts, the safety briefing, where to look, the report, the contact
// attempts, the linked concerns and the history.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Schemas } from '../api/client';
import type { ConcernWithHistory } from '../api/answers';
import { label, lang } from '../i18n';
import { t } from '../i18n/messages';
import { alert, badge, codeList, icon, row, statusBadge } from '../ui/components';
import { date, dateTime, deadline, isPast, relative } from '../ui/format';
import { municipality } from '../api/municipality';

type Concern = ConcernWithHistory;
type Briefing = Schemas['SafetyBriefing'];

function deadlineCell(at: string | null | undefined) {
    if (!at) return null;
    return html`<time datetime=${at} class=${isPast(at) ? 'skp-overdue' : ''}>${deadline(at)}</time>
        <span class="skp-muted">(${isPast(at) ? t().overdueSince(relative(at)) : relative(at)})</span>`;
}

export function keyFacts(c: Concern): TemplateResult {
    const m = t();
    return html`<dl class="skp-dl skp-facts">
        ${row(m.factReceived, html`<time datetime=${c.receivedAt ?? ''}>${dateTime(c.receivedAt)}</time>`)}
        ${row(m.factChannel, c.partnerId ? `${label('Channel', c.channel)} (${c.partnerId})` : label('Channel', c.channel))}
        ${row(m.factEnteredBy, c.enteredBy ? c.enteredBy.name ?? c.enteredBy.subject : null)}
        ${row(m.factTriageDue, deadlineCell(c.triageDueAt))}
        ${row(m.factFirstAttemptDue, deadlineCell(c.firstAttemptDueAt))}
        ${row(m.factPriority, c.triage?.priority ? label('Priority', c.triage.priority) : null)}
        ${row(m.factDistrict, c.triage?.district)}
        ${row(m.factTargetGroups, codeList('TargetGroup', c.triage?.targetGroups))}
        ${row(m.factAssignee, c.assignment ? `${c.assignment.name ?? c.assignment.subject} (${m.since} ${dateTime(c.assignment.assignedAt)})` : c.assignedTo)}
        ${row(m.factVisitTeam, c.visitTeam ? label('VisitTeam', c.visitTeam) : null)}
    </dl>`;
}

/** For a contact person on the street: the one deadline that is theirs, at the top. */
export function dueLine(c: Concern): TemplateResult | typeof nothing {
    const at = c.firstAttemptDueAt;
    if (!at) return nothing;
    return html`<p class="skp-due-line ${isPast(at) ? 'skp-due-line-overdue' : ''}">${icon('time')}
        <span>${t().factFirstAttemptDue}: <strong>${deadline(at)}</strong></span></p>`;
}

export function statusLine(c: Concern): TemplateResult {
    const m = t();
    return html`<p class="skp-badges">
        ${statusBadge(c.status)}
        ${c.acuteDanger ? badge(m.acuteDanger, 'error') : nothing}
        ${c.urgency && c.urgency !== 'NORMAL' ? badge(`${m.urgency}: ${label('Urgency', c.urgency)}`, c.urgency === 'URGENT' ? 'error' : c.urgency === 'SOON' ? 'warning' : 'none') : nothing}
        ${c.triage?.priority ? badge(`${m.priority}: ${label('Priority', c.triage.priority)}`, c.triage.priority === 'HIGH' ? 'warning' : 'none') : nothing}
        ${c.outsideArea ? badge(m.outsideArea, 'warning') : nothing}
    </p>`;
}

/** Reported at a postcode the municipality does not serve (its profile let it in with a warning). */
export function outsideAreaNotice(c: Concern): TemplateResult | typeof nothing {
    if (!c.outsideArea) return nothing;
    const m = t();
    const p = municipality();
    return alert('warning', m.outsideAreaTitle,
        m.outsideAreaText(c.report?.whereabouts?.postcode ?? '', p ? p.municipality[lang()] : m.municipality),
        { testid: 'outside-area' });
}

export function erasedNotice(c: Concern): TemplateResult | typeof nothing {
    const m = t();
    if (c.erasedAt) return alert('info', m.erasedTitle, m.erasedText(dateTime(c.erasedAt)));
    return nothing;
}

export function outcomeLines(c: Concern): TemplateResult | typeof nothing {
    const m = t();
    const tr = c.triage;
    const cl = c.closing;
    if (!tr && !cl) return nothing;
    return html`<dl class="skp-dl">
        ${tr ? row(m.triageOutcome, html`${label('TriageOutcome', tr.outcome)} <span class="skp-muted">(${dateTime(tr.triagedAt)}, ${tr.triagedBy})</span>`) : nothing}
        ${tr ? row(m.triageReason, tr.reason) : nothing}
        ${tr ? row(m.redirectedTo, tr.redirectedTo) : nothing}
        ${tr?.duplicateOf ? row(m.duplicateOf, html`<a href="/concerns/${tr.duplicateOf}">${m.openConcern}</a>`) : nothing}
        ${cl ? row(m.closingReason, html`${label('ClosingReason', cl.reason)} <span class="skp-muted">(${dateTime(cl.closedAt)}, ${cl.closedBy})</span>`) : nothing}
        ${cl ? row(m.handedOverTo, cl.handedOverTo) : nothing}
        ${cl?.consent ? row(m.consentRow, consentText(cl.consent)) : nothing}
        ${cl ? row(m.closingNote, cl.note) : nothing}
    </dl>`;
}

/** The citizen's say as the work ended, in one line: "Sagde ja til: Psykiatri, Egen læge. Må videregive oplysninger." */
function consentText(consent: Schemas['CitizenConsent']): string {
    const m = t();
    const services = codeList('LastingService', consent.services);
    if (!consent.agreed) return services ? `${m.consentSaidNo}: ${services}.` : `${m.consentSaidNo}.`;
    return `${m.consentSaidYes}: ${services}. ${consent.dataSharing ? m.consentDataSharingYes : m.consentDataSharingNo}`;
}

/** What the team should know before going out; leads the page for a contact person. */
export function briefingSection(b: Briefing | null, error: boolean, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
    const m = t();
    if (!b) {
        return html`<section class="skp-section skp-briefing" aria-labelledby="briefing-heading">
            <h2 id="briefing-heading">${m.briefingHeading}</h2>
            <p>${error ? m.briefingUnavailable : m.loading}</p>
        </section>`;
    }
    const pair = b.team === 'PAIR';
    return html`<section class="skp-section skp-briefing" aria-labelledby="briefing-heading" data-testid="briefing">
        <h2 id="briefing-heading">${m.briefingHeading}</h2>
        ${b.acuteDanger ? alert('error', m.acuteDanger, m.acuteDangerText) : nothing}
        <div class="skp-team ${pair ? 'skp-team-pair' : ''}">
            ${icon(pair ? 'persons' : 'person')}
            <div>
                <p class="skp-team-text"><strong>${pair ? m.goInPair : m.goAlone}</strong></p>
                <p class="skp-muted">${b.decidedTeam ? m.teamDecided : m.teamSuggested}</p>
            </div>
        </div>
        ${b.riskSignals?.length
            ? html`<h3 class="h5">${m.riskSignals}</h3>
                  <ul class="skp-risks">${b.riskSignals.map((s) => html`<li>${icon('warning')}${label('RiskSignal', s)}</li>`)}</ul>`
            : html`<p>${m.noRiskSignals}</p>`}
        ${b.safetyNotes ? html`<h3 class="h5">${m.safetyNotes}</h3><blockquote class="skp-quote">${b.safetyNotes}</blockquote>` : nothing}
        <dl class="skp-dl">
            ${row(m.knowsAboutReport, label('KnowsAboutReport', b.knowsAboutReport))}
            ${row(m.personLanguage, b.personLanguage ? languageName(b.personLanguage) : null)}
            ${row(m.ageBand, label('AgeBand', b.ageBand))}
        </dl>
        ${extra}
    </section>`;
}

function languageName(code: string): string {
    try {
        return new Intl.DisplayNames([t().locale], { type: 'language' }).of(code) ?? code;
    } catch {
        return code;
    }
}

/** Where to look first: the place, the usual times, how regularly, and how to recognise the person. */
export function whereSection(c: Concern, b: Briefing | null): TemplateResult {
    const m = t();
    const w = b?.whereabouts ?? c.report?.whereabouts;
    const appearance = b?.appearance ?? c.report?.person?.appearance;
    const address = [w?.address, w?.postcode].filter(Boolean).join(', ');
    return html`<section class="skp-section skp-where" aria-labelledby="where-heading" data-testid="whereabouts">
        <h2 id="where-heading">${m.whereHeading}</h2>
        <dl class="skp-dl skp-dl-large">
            ${row(m.address, address ? html`${icon('location')}${address}` : null)}
            ${row(m.placeDescription, w?.placeDescription)}
            ${row(m.usualTimes, w?.usualTimes ? html`${icon('time')}${w.usualTimes}` : null)}
            ${row(m.regularity, w?.regularity ? label('Regularity', w.regularity) : null)}
            ${row(m.appearance, appearance)}
        </dl>
        ${!address && !w?.placeDescription ? html`<p>${m.noPlace}</p>` : nothing}
    </section>`;
}

export function reportSection(c: Concern): TemplateResult {
    const m = t();
    const r = c.report;
    const rep = r?.reporter;
    const p = r?.person;
    const o = r?.observations;
    return html`<section class="skp-section" aria-labelledby="report-heading" data-testid="report">
        <h2 id="report-heading">${m.reportHeading}</h2>
        <div class="skp-columns">
            <div>
                <h3 class="h4">${m.reporterHeading}</h3>
                <dl class="skp-dl">
                    ${row(m.reporterRole, label('ReporterRole', rep?.role))}
                    ${row(m.anonymity, label('Anonymity', rep?.anonymity))}
                    ${row(m.name, rep?.name)}
                    ${row(m.organisation, rep?.organisation)}
                    ${row(m.phone, rep?.phone ? html`<a href="tel:${rep.phone.replace(/[^+0-9]/g, '')}">${rep.phone}</a>` : null)}
                    ${row(m.email, rep?.email ? html`<a href="mailto:${rep.email}">${rep.email}</a>` : null)}
                    ${row(m.wantsStatusUpdates, rep?.wantsStatusUpdates ? m.yes : m.no)}
                </dl>
                ${c.referrerErasedAt ? html`<p class="skp-muted">${m.referrerErased(dateTime(c.referrerErasedAt))}</p>` : nothing}
            </div>
            <div>
                <h3 class="h4">${m.personHeading}</h3>
                <dl class="skp-dl">
                    ${row(m.name, p?.name)}
                    ${row(m.ageBand, label('AgeBand', p?.ageBand))}
                    ${row(m.gender, p?.gender ? label('Gender', p.gender) : null)}
                    ${row(m.personLanguage, p?.language ? languageName(p.language) : null)}
                    ${row(m.knowsAboutReport, label('KnowsAboutReport', p?.knowsAboutReport))}
                    ${row(m.appearance, p?.appearance)}
                </dl>
            </div>
        </div>
        <h3 class="h4">${m.observationsHeading}</h3>
        ${o?.indicators?.length ? html`<ul class="skp-tags">${o.indicators.map((i) => html`<li class="skp-tag">${label('Indicator', i)}</li>`)}</ul>` : nothing}
        ${o?.description ? html`<p class="skp-prose">${o.description}</p>` : nothing}
        ${o?.safetyNotes ? html`<dl class="skp-dl">${row(m.safetyNotes, o.safetyNotes)}</dl>` : nothing}
        <dl class="skp-dl">
            ${row(m.urgency, label('Urgency', r?.urgency))}
            ${row(m.reportLanguage, r?.language)}
            ${row(m.factRegistered, dateTime(c.registeredAt))}
        </dl>
    </section>`;
}

export function attemptsSection(c: Concern, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
    const m = t();
    const attempts = c.attempts ?? [];
    return html`<section class="skp-section" aria-labelledby="attempts-heading" data-testid="attempts">
        <h2 id="attempts-heading">${m.attemptsHeading} <span class="skp-count">(${attempts.length})</span></h2>
        ${extra}
        ${attempts.length === 0
            ? html`<p>${m.noAttempts}</p>`
            : html`<ol class="skp-timeline">
                  ${attempts.map((a) => html`<li class="skp-timeline-item">
                      <p class="skp-timeline-head">
                          <time datetime=${a.attemptedAt ?? ''}><strong>${dateTime(a.attemptedAt)}</strong></time>
                          ${badge(label('AttemptOutcome', a.outcome), a.outcome === 'CONTACT_ESTABLISHED' ? 'success' : a.outcome === 'REFUSED' ? 'warning' : 'none')}
                      </p>
                      <dl class="skp-dl skp-dl-compact">
                          ${row(m.channel, label('AttemptChannel', a.channel))}
                          ${row(m.attemptPlace, a.placeNote)}
                          ${row(m.nextStep, a.nextStep ? html`${a.nextStep}${a.nextStepOn ? html` – <strong>${date(a.nextStepOn)}</strong>` : nothing}` : a.nextStepOn ? date(a.nextStepOn) : null)}
                          ${row(m.recordedBy, a.recordedBy)}
                      </dl>
                  </li>`)}
              </ol>`}
    </section>`;
}

export function linksSection(c: Concern, linked: Concern[] | null, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
    const m = t();
    const links = c.links ?? [];
    const details = new Map((linked ?? []).map((l) => [l.id, l]));
    return html`<section class="skp-section" aria-labelledby="links-heading" data-testid="links">
        <h2 id="links-heading">${m.linksHeading} <span class="skp-count">(${links.length})</span></h2>
        ${links.length === 0
            ? html`<p>${m.noLinks}</p>`
            : html`<ul class="skp-link-list">
                  ${links.map((l) => {
                      const d = details.get(l.id);
                      return html`<li>
                          <p><a href="/concerns/${l.id}" class="skp-ref">${l.reference}</a> ${statusBadge(l.status)}
                              <span class="skp-muted">${m.receivedOn(dateTime(l.receivedAt))}</span></p>
                          ${d?.report?.observations
                              ? html`<p class="skp-muted">${codeList('Indicator', d.report.observations.indicators)}</p>
                                  ${d.report.observations.description ? html`<p class="skp-prose">${d.report.observations.description}</p>` : nothing}`
                              : nothing}
                      </li>`;
                  })}
              </ul>`}
        ${extra}
    </section>`;
}

/** The concern's history as the server keeps it: its registration, then every change with who made it. */
export function historySection(c: Concern): TemplateResult {
    const m = t();
    const entries = c.history ?? [];
    return html`<section class="skp-section" aria-labelledby="history-heading" data-testid="history">
        <h2 id="history-heading">${m.historyHeading}</h2>
        <div>
            <table class="table table--compact skp-history">
                <caption class="sr-only">${m.historyHeading}</caption>
                <thead><tr><th scope="col">${m.colWhen}</th><th scope="col">${m.colWhat}</th><th scope="col">${m.colWho}</th></tr></thead>
                <tbody>
                    ${entries.map((e) => html`<tr>
                        <td><time datetime=${e.at}>${dateTime(e.at)}</time></td>
                        <td>${e.action === 'REGISTERED' && c.enteredBy ? m.historyEntered(label('Channel', c.channel)) : label('HistoryAction', e.action)}</td>
                        <td>${e.actorName ?? e.actor ?? html`<span class="skp-muted">${m.system}</span>`}</td>
                    </tr>`)}
                </tbody>
            </table>
        </div>
    </section>`;
}
