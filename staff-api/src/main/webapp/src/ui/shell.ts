// The frame around every screen: skip link, DKFDS header with the user's name and role, navigation by role,
// language switch and sign-out (a plain link to /logout: the server ends the provider's session too), the live
// region for messages, and the footer. Below 992 px DKFDS hides the user and the navigation; a menu button shows
// them in a panel instead.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Me, Role } from '../api/answers';
import { label, lang, setLang } from '../i18n';
import { t } from '../i18n/messages';
import { icon } from './components';
import { municipality } from '../api/municipality';

/** The team of the municipality's profile, in the chosen language; null until it is read. */
function teamName(): string | null {
    const p = municipality();
    return p?.team ? p.team[lang()] : null;
}

export interface NavItem {
    href: string;
    text: string;
    /** Route names for which this item is the current section. */
    routes: string[];
}

export function navItems(me: Me): NavItem[] {
    const m = t();
    const items: NavItem[] = [];
    const has = (role: Role) => me.roles.includes(role);
    if (has('coordinator')) {
        items.push({ href: '/', text: m.navInbox, routes: ['home', 'inbox'] });
        items.push({ href: '/overdue', text: m.navOverdue, routes: ['overdue'] });
    }
    if (has('contact-person')) {
        items.push({ href: has('coordinator') ? '/mine' : '/', text: m.navMine, routes: has('coordinator') ? ['mine'] : ['home', 'mine'] });
        items.push({ href: '/claimable', text: m.navClaimable, routes: ['claimable'] });
        if (!has('coordinator')) items.push({ href: '/overdue', text: m.navOverdue, routes: ['overdue'] });
    }
    if (has('coordinator') || has('contact-person')) items.push({ href: '/concerns/new', text: m.navNewConcern, routes: ['newConcern'] });
    if (has('coordinator') || has('contact-person')) items.push({ href: '/search', text: m.navSearch, routes: ['search'] });
    if (has('admin')) {
        const adminHome = !has('coordinator') && !has('contact-person');
        items.push({ href: adminHome ? '/' : '/admin/contact-persons', text: m.navContactPersons, routes: adminHome ? ['home', 'contactPersons'] : ['contactPersons'] });
        items.push({ href: '/admin/partners', text: m.navPartners, routes: ['partners'] });
        items.push({ href: '/admin/dead-messages', text: m.navDeadMessages, routes: ['deadMessages'] });
        items.push({ href: '/admin/audit', text: m.navAudit, routes: ['audit'] });
    }
    if (has('coordinator') || has('admin')) items.push({ href: '/statistics', text: m.navStatistics, routes: ['statistics'] });
    return items;
}

let menuOpen = false;

export function closeMenu(): void {
    menuOpen = false;
}

function languageSwitch(rerender: () => void, classes = ''): TemplateResult {
    const other = lang() === 'da' ? 'en' : 'da';
    return html`<button type="button" class="function-link skp-lang ${classes}" lang=${other}
        @click=${() => { setLang(other); rerender(); }}>${icon('language')}${other === 'en' ? 'English' : 'Dansk'}</button>`;
}

function roleText(me: Me): string {
    return me.roles.map((role) => label('Role', role)).join(', ');
}

export function shell(me: Me | null, routeName: string, content: TemplateResult, rerender: () => void): TemplateResult {
    const m = t();
    const items = me ? navItems(me) : [];
    const isCurrent = (item: NavItem) => item.routes.includes(routeName);
    const logout = html`<a class="function-link skp-logout" href="/logout" data-native>${icon('lock')}${m.signOut}</a>`;
    const toggleMenu = () => {
        menuOpen = !menuOpen;
        rerender();
    };
    return html`
        <a class="skipnav" href="#main-content">${m.skipToContent}</a>
        <header class="header skp-header">
            <div class="portal-info">
                <div class="portal-info-inner container">
                    <a href="/" class="skp-logo">
                        <span class="skp-logo-mark" aria-hidden="true">SKP</span>
                        <span class="skp-logo-text" data-testid="team-name">${teamName() ?? m.municipality}</span>
                    </a>
                    ${me ? html`<button type="button" class="function-link button-menu-open skp-menu-button"
                        aria-expanded=${menuOpen ? 'true' : 'false'} aria-controls="skp-mobile-menu"
                        @click=${toggleMenu}>${icon(menuOpen ? 'close' : 'menu')}${m.menu}</button>` : nothing}
                    <div class="portal-user">
                        ${me ? html`<p class="user" data-testid="signed-in-user"><span class="skp-user-name">${me.name}</span><span class="skp-user-role">${roleText(me)}</span></p>` : nothing}
                        ${languageSwitch(rerender)}
                        ${me ? logout : nothing}
                    </div>
                </div>
            </div>
            <div class="solution-info">
                <div class="solution-info-inner container">
                    <div class="solution-heading"><a href="/">${m.solutionName}</a></div>
                    <div class="additional-info"><p><strong class="authority-name">${m.solutionSubtitle}</strong></p></div>
                </div>
            </div>
            ${items.length
                ? html`<div class="navigation-menu">
                      <div class="navigation-menu-inner container">
                          <nav class="nav" aria-label=${m.mainNavigation}>
                              <ul class="mainmenu">
                                  ${items.map((item) => html`<li class=${isCurrent(item) ? 'active current' : ''}>
                                      <a href=${item.href} class="nav-link" aria-current=${isCurrent(item) ? 'page' : 'false'}><span>${item.text}</span></a>
                                  </li>`)}
                              </ul>
                          </nav>
                      </div>
                  </div>`
                : nothing}
            ${me
                ? html`<div id="skp-mobile-menu" class="skp-mobile-menu" ?hidden=${!menuOpen}>
                      <nav class="navigation-menu-mobile" aria-label=${m.mainNavigationMobile}>
                          <ul class="mainmenu">
                              ${items.map((item) => html`<li class=${isCurrent(item) ? 'active current' : ''}>
                                  <a href=${item.href} class="nav-link" aria-current=${isCurrent(item) ? 'page' : 'false'}
                                      @click=${() => { menuOpen = false; }}><span>${item.text}</span></a>
                              </li>`)}
                          </ul>
                      </nav>
                      <div class="skp-mobile-user">
                          <p class="user"><span class="skp-user-name">${me.name}</span><span class="skp-user-role">${roleText(me)}</span></p>
                          <p>${languageSwitch(rerender)}</p>
                          <p>${logout}</p>
                      </div>
                  </div>`
                : nothing}
        </header>
        <main id="main-content" class="container skp-main" tabindex="-1">${content}</main>
        <footer class="skp-footer">
            <div class="container">
                <p>${m.footer}</p>
            </div>
        </footer>`;
}
