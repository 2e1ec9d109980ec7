// Client-side routing with the History API. The server answers index.html for each of these paths, so a reload or
// a link from a mail lands on the same screen. Links inside the app are plain <a href="/..."> that this module
// intercepts; /login and /logout are full page loads (the server's sign-in and sign-out).
export interface Match {
    name: string;
    params: Record<string, string>;
    query: URLSearchParams;
}

interface Route {
    name: string;
    pattern: RegExp;
    keys: string[];
}

function route(name: string, path: string): Route {
    const keys: string[] = [];
    const pattern = new RegExp(
        '^' + path.replace(/:([a-zA-Z]+)/g, (_, key: string) => {
            keys.push(key);
            return '([^/]+)';
        }) + '/?$',
    );
    return { name, pattern, keys };
}

const routes: Route[] = [
    route('home', '/'),
    // Before '/concerns/:id', which would take 'new' for an id.
    route('newConcern', '/concerns/new'),
    route('concern', '/concerns/:id'),
    route('find', '/concerns'),
    route('overdue', '/overdue'),
    route('statistics', '/statistics'),
    route('mine', '/mine'),
    route('claimable', '/claimable'),
    route('contactPersons', '/admin/contact-persons'),
    route('partners', '/admin/partners'),
    route('deadMessages', '/admin/dead-messages'),
    route('audit', '/admin/audit'),
    route('search', '/search'),
];

const SERVER_PATHS = ['/login', '/logout'];

export function match(location: Location | URL): Match {
    const query = new URLSearchParams(location.search);
    for (const r of routes) {
        const m = r.pattern.exec(location.pathname);
        if (m) {
            const params: Record<string, string> = {};
            r.keys.forEach((key, i) => (params[key] = decodeURIComponent(m[i + 1])));
            return { name: r.name, params, query };
        }
    }
    return { name: 'notFound', params: {}, query };
}

let onChange: (match: Match, focus: boolean) => void = () => undefined;

export function startRouter(listener: (match: Match, focus: boolean) => void): void {
    onChange = listener;
    window.addEventListener('popstate', () => onChange(match(window.location), true));
    document.addEventListener('click', (event) => {
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        const anchor = (event.target as Element | null)?.closest?.('a');
        if (!anchor || anchor.target || anchor.hasAttribute('download') || anchor.dataset.native !== undefined) return;
        const url = new URL(anchor.href, window.location.href);
        if (url.origin !== window.location.origin || SERVER_PATHS.includes(url.pathname) || url.pathname.startsWith('/assets/')) return;
        if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return; // in-page
        event.preventDefault();
        navigate(url.pathname + url.search);
    });
    onChange(match(window.location), false);
}

/** Go to a path of the app; `replace` for redirects that should not stay in the history. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
    if (options.replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    onChange(match(window.location), true);
}
