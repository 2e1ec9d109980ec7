// The typed client of staff-api (same origin). Types come from openapi/staff-api.json through `npm run gen`, so a
// change of the API that breaks the client breaks `npm run build`.
//
// Contract with the server (backend-for-frontend): the session is an HttpOnly cookie that JavaScript never sees;
// every request carries `X-Requested-With: JavaScript` (CSRF defence, and the server then answers 401 instead of
// redirecting to the sign-in page) and `Accept-Language` so that problem+json comes back in the chosen language.
// 401 (or 499) means the session ended: a full page load of /login?next=<here> signs in again and comes back.
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';
import { lang } from '../i18n/lang';

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];
export type LifecycleProblem = Schemas['LifecycleProblem'];
export type FieldError = Schemas['FieldError'];

/** The session ended and the browser is on its way to the sign-in page: nothing to show. */
export class SessionEnded extends Error {
    constructor(readonly looping: boolean) {
        super('session ended');
    }
}

/** The server could not be reached (or did not answer). */
export class NetworkError extends Error {}

/** The server answered with an error status; `problem` is its problem+json body when it sent one. */
export class ApiError extends Error {
    constructor(readonly status: number, readonly problem: (Problem & Partial<LifecycleProblem>) | null) {
        super(problem?.detail || problem?.title || `HTTP ${status}`);
    }

    get fieldErrors(): FieldError[] {
        return this.problem?.errors ?? [];
    }

    /** The lifecycle's refusal (409) with the moves possible now, when that is what this is. */
    get lifecycle(): LifecycleProblem | null {
        return this.status === 409 && this.problem?.allowedMoves ? this.problem : null;
    }
}

const LOGIN_GUARD_KEY = 'skp.loginRedirectAt';

function toSignIn(): never {
    // A second 401 right after coming back from the sign-in means the sign-in does not take: stop instead of looping.
    let last = 0;
    try {
        last = Number(sessionStorage.getItem(LOGIN_GUARD_KEY) || 0);
        sessionStorage.setItem(LOGIN_GUARD_KEY, String(Date.now()));
    } catch {
        // no sessionStorage: no loop guard
    }
    const looping = Date.now() - last < 15_000;
    if (!looping) window.location.assign(signInUrl());
    throw new SessionEnded(looping);
}

export function signInUrl(): string {
    return `/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`;
}

async function staffFetch(request: Request): Promise<Response> {
    request.headers.set('X-Requested-With', 'JavaScript');
    request.headers.set('Accept-Language', lang());
    if (!request.headers.has('Accept')) request.headers.set('Accept', 'application/json, application/problem+json');
    let response: Response;
    try {
        response = await fetch(request, { credentials: 'same-origin' });
    } catch (cause) {
        throw new NetworkError(String(cause));
    }
    if (response.status === 401 || response.status === 499) toSignIn();
    return response;
}

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin', fetch: staffFetch });

function asProblem(error: unknown): Problem | null {
    return error && typeof error === 'object' ? (error as Problem) : null;
}

interface Result {
    data?: unknown;
    error?: unknown;
    response: Response;
}

export interface Answer<T> {
    data: T;
    /** The ETag of the answer, for If-Match on the next change. */
    etag: string | null;
}

/** The answer's body and ETag, or an ApiError for an error status. */
export async function unwrap<R extends Result>(call: Promise<R>): Promise<Answer<NonNullable<R['data']>>> {
    const { data, error, response } = await call;
    if (!response.ok) throw new ApiError(response.status, asProblem(error));
    // A successful clear of the loop guard: the session works.
    try {
        sessionStorage.removeItem(LOGIN_GUARD_KEY);
    } catch {
        // ignore
    }
    return { data: data as NonNullable<R['data']>, etag: response.headers.get('ETag') };
}

/** An If-Match value for a concern: the ETag of the last read, else its version as the server writes it. */
export function ifMatch(etag: string | null, version: number | undefined): string {
    return etag ?? `"${version ?? 0}"`;
}
