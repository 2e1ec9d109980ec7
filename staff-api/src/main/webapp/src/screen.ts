import type { TemplateResult } from 'lit-html';
import type { Me, Role } from './api/answers';

/** What a screen gets: the route's parameters, the signed-in user, and a way to ask for a re-render. */
export interface ScreenContext {
    params: Record<string, string>;
    query: URLSearchParams;
    me: Me;
    /** Re-render the screen after its state changed; does nothing once the user has left it. */
    update(): void;
    /** Whether the user is still on this screen (answers that arrive later are dropped). */
    active(): boolean;
}

export interface Screen {
    title(): string;
    view(): TemplateResult;
    dispose?(): void;
}

export type ScreenFactory = (ctx: ScreenContext) => Screen;

export function hasRole(me: Me, ...roles: Role[]): boolean {
    return roles.some((role) => me.roles.includes(role));
}
