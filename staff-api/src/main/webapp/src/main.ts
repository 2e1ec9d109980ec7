import 'dkfds-dist/css/dkfds.css';
import './styles/app.css';
import { html, render } from 'lit-html';
import { api, unwrap } from './api/client';
import type { Me, Role } from './api/answers';
import { onLangChange } from './i18n';
import { t } from './i18n/messages';
import { startRouter, type Match } from './router';
import type { Screen, ScreenContext, ScreenFactory } from './screen';
import { pageHeading, problem, spinner } from './ui/components';
import { closeMenu, shell } from './ui/shell';
import { inboxScreen } from './screens/inbox';
import { findScreen } from './screens/find';
import { concernScreen } from './screens/concern';
import { newConcernScreen } from './screens/new-concern';
import { overdueScreen } from './screens/overdue';
import { statisticsScreen } from './screens/statistics';
import { mineScreen, claimableScreen } from './screens/caseload';
import { contactPersonsScreen } from './screens/admin-contact-persons';
import { partnersScreen } from './screens/admin-partners';
import { deadMessagesScreen } from './screens/admin-dead-messages';
import { auditScreen } from './screens/admin-audit';
import { searchScreen } from './screens/search';
import { forbiddenScreen, notFoundScreen } from './screens/not-found';
import { loadMunicipality } from './api/municipality';

const root = document.getElementById('app')!;

interface RouteDef {
    factory: ScreenFactory;
    roles: Role[];
}

const CONCERN_READERS: Role[] = ['coordinator', 'contact-person'];
const screens: Record<string, RouteDef> = {
    inbox: { factory: inboxScreen, roles: ['coordinator'] },
    concern: { factory: concernScreen, roles: CONCERN_READERS },
    newConcern: { factory: newConcernScreen, roles: CONCERN_READERS },
    find: { factory: findScreen, roles: CONCERN_READERS },
    overdue: { factory: overdueScreen, roles: CONCERN_READERS },
    statistics: { factory: statisticsScreen, roles: ['coordinator', 'admin'] },
    mine: { factory: mineScreen, roles: ['contact-person'] },
    claimable: { factory: claimableScreen, roles: ['contact-person'] },
    contactPersons: { factory: contactPersonsScreen, roles: ['admin'] },
    partners: { factory: partnersScreen, roles: ['admin'] },
    deadMessages: { factory: deadMessagesScreen, roles: ['admin'] },
    audit: { factory: auditScreen, roles: ['admin'] },
    search: { factory: searchScreen, roles: CONCERN_READERS },
};

/** The start page by role: coordinators their inbox, contact persons their concerns, admins the contact persons. */
function homeOf(me: Me): string {
    if (me.roles.includes('coordinator')) return 'inbox';
    if (me.roles.includes('contact-person')) return 'mine';
    if (me.roles.includes('admin')) return 'contactPersons';
    return 'forbidden';
}

let me: Me | null = null;
let current: { screen: Screen; routeName: string; generation: number } | null = null;
let generation = 0;

function renderApp(): void {
    const content = current ? current.screen.view() : html``;
    render(shell(me, current?.routeName ?? '', content, renderApp), root);
    if (current) document.title = `${current.screen.title()} – ${t().appTitle}`;
}

function show(m: Match, focus: boolean): void {
    if (!me) return;
    current?.screen.dispose?.();
    closeMenu();
    const gen = ++generation;
    const name = m.name === 'home' ? homeOf(me) : m.name;
    const def = screens[name];
    const ctx: ScreenContext = {
        params: m.params,
        query: m.query,
        me,
        update: () => {
            if (current?.generation === gen) renderApp();
        },
        active: () => current?.generation === gen,
    };
    let screen: Screen;
    if (name === 'forbidden' || (def && !def.roles.some((role) => me!.roles.includes(role)))) screen = forbiddenScreen(ctx);
    else if (!def) screen = notFoundScreen(ctx);
    else screen = def.factory(ctx);
    current = { screen, routeName: m.name === 'home' ? 'home' : name, generation: gen };
    renderApp();
    if (focus) {
        // Like a page load for assistive technology: focus the new screen's heading.
        requestAnimationFrame(() => (document.getElementById('page-heading') ?? document.getElementById('main-content'))?.focus());
        window.scrollTo(0, 0);
    }
}

async function boot(): Promise<void> {
    const loading = () => render(shell(null, '', html`${pageHeading(t().appTitle)}${spinner()}`, boot), root);
    loading();
    try {
        const profile = loadMunicipality();
        me = (await unwrap(api.GET('/api/v1/me'))).data as Me;
        await profile;
    } catch (error) {
        render(shell(null, '', html`${pageHeading(t().appTitle)}${problem(error, () => void boot())}`, boot), root);
        return;
    }
    onLangChange(renderApp);
    startRouter(show);
}

void boot();
