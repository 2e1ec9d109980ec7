// The municipality's profile (GET /api/v1/municipality): the same file intake's form shows, read once at start. The
// client works without it (the header then says "SKP-teamet"): it names the team, nothing depends on it.
import { api, unwrap, type Schemas } from './client';

export type Municipality = Schemas['MunicipalityProfile'];

let current: Municipality | null = null;

export function municipality(): Municipality | null {
    return current;
}

export async function loadMunicipality(): Promise<void> {
    try {
        current = (await unwrap(api.GET('/api/v1/municipality'))).data as Municipality;
    } catch {
        current = null;
    }
}
