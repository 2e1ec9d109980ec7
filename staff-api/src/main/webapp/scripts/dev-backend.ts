// Development only (`npm run dev`): stands in for the server's sign-in (backend-for-frontend) so that the client can
// be tried against a staff-api started by bin/run, which takes bearer tokens. It forwards /api/* to that staff-api
// with `Authorization: Bearer <token>` added, answers /login by going straight back to `next`, and /logout with a
// short page. Never part of the build.
//
//   SKP_DEV_API      where staff-api runs (default http://127.0.0.1:8081)
//   SKP_DEV_TOKEN    a bearer token to use as it is (e.g. $(bin/dev-token coordinator)); or
//   SKP_DEV_ROLE     a demo user (kim, anna, bo, ada) or a role (coordinator, contact-person, admin): tokens are made
//                    with bin/dev-token, which asks bin/run's Keycloak
//                    and renewed before they expire.
//   GET /__dev/as?role=anna switches the identity (bin/dev-token) while the server runs.
import type { Plugin } from 'vite';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const API = (process.env.SKP_DEV_API || 'http://127.0.0.1:8081').replace(/\/$/, '');
const DEV_TOKEN_SCRIPT = resolve(__dirname, '../../../../../bin/dev-token');

interface Identity {
    token: string;
    role?: string;
    subject?: string;
    madeAt: number;
}

let identity: Identity | null = null;

function makeToken(role: string, subject?: string): Identity {
    const args = [role]; // bin/dev-token takes one demo user or role; the subject is the user's own
    const token = execFileSync(DEV_TOKEN_SCRIPT, args, { encoding: 'utf8' }).trim();
    return { token, role, subject, madeAt: Date.now() };
}

function currentToken(): string | null {
    if (identity?.role && Date.now() - identity.madeAt > 50 * 60 * 1000) {
        identity = makeToken(identity.role, identity.subject);
    }
    return identity?.token ?? null;
}

function claims(token: string): Record<string, unknown> {
    try {
        return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
    } catch {
        return {};
    }
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
    if (req.method === 'GET' || req.method === 'HEAD') return undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
}

const HOP_BY_HOP = new Set(['host', 'connection', 'cookie', 'content-length', 'transfer-encoding', 'accept-encoding']);

async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
        if (!HOP_BY_HOP.has(name) && typeof value === 'string') headers[name] = value;
    }
    const token = currentToken();
    if (token) headers.authorization = `Bearer ${token}`;
    const body = await readBody(req);
    let upstream: Response;
    try {
        upstream = await fetch(API + req.url, { method: req.method, headers, body });
    } catch {
        res.statusCode = 502;
        res.end();
        return;
    }
    if (upstream.status === 404 && req.url?.split('?')[0] === '/api/v1/me' && token) {
        // Until staff-api has GET /api/v1/me: the same answer, from the dev token's claims.
        const c = claims(token);
        const roles = Array.isArray(c.roles) ? c.roles : [];
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({
            subject: c.sub,
            name: process.env.SKP_DEV_NAME || c.preferred_username || c.sub,
            roles,
            contactPersonId: null,
        }));
        return;
    }
    res.statusCode = upstream.status;
    upstream.headers.forEach((value, name) => {
        if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') res.setHeader(name, value);
    });
    res.end(Buffer.from(await upstream.arrayBuffer()));
}

function page(res: ServerResponse, html: string): void {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="en"><title>SKP dev</title><body>${html}</body></html>`);
}

export function devBackend(): Plugin {
    return {
        name: 'skp-dev-backend',
        configureServer(server) {
            if (process.env.SKP_DEV_TOKEN) identity = { token: process.env.SKP_DEV_TOKEN, madeAt: Date.now() };
            else if (process.env.SKP_DEV_ROLE) identity = makeToken(process.env.SKP_DEV_ROLE, process.env.SKP_DEV_SUBJECT);
            server.middlewares.use((req, res, next) => {
                const url = new URL(req.url || '/', 'http://dev.local');
                if (url.pathname.startsWith('/api/')) {
                    forward(req, res).catch(next);
                    return;
                }
                if (url.pathname === '/__dev/as') {
                    const role = url.searchParams.get('role') || 'coordinator';
                    identity = makeToken(role, url.searchParams.get('subject') || undefined);
                    res.statusCode = 302;
                    res.setHeader('Location', url.searchParams.get('next') || '/');
                    res.end();
                    return;
                }
                if (url.pathname === '/login') {
                    if (!currentToken()) {
                        page(res, '<p>No dev identity. Open <a href="/__dev/as?role=coordinator">/__dev/as?role=coordinator</a>.</p>');
                        return;
                    }
                    const target = url.searchParams.get('next') || '/';
                    res.statusCode = 302;
                    res.setHeader('Location', target.startsWith('/') && !target.startsWith('//') ? target : '/');
                    res.end();
                    return;
                }
                if (url.pathname === '/logout') {
                    identity = null;
                    page(res, '<p>Signed out (dev). <a href="/__dev/as?role=coordinator">Sign in as a coordinator</a>.</p>');
                    return;
                }
                next();
            });
        },
    };
}
