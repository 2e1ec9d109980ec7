// The chosen language: Danish first, English on request, remembered in localStorage; <html lang> follows.
export type Lang = 'da' | 'en';

const STORAGE_KEY = 'skp.lang';
const listeners = new Set<() => void>();

function stored(): Lang {
    try {
        return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'da';
    } catch {
        return 'da';
    }
}

let current: Lang = stored();
document.documentElement.lang = current;

export function lang(): Lang {
    return current;
}

export function setLang(next: Lang): void {
    if (next === current) return;
    current = next;
    try {
        localStorage.setItem(STORAGE_KEY, next);
    } catch {
        // private mode: the choice lasts for this page only
    }
    document.documentElement.lang = next;
    listeners.forEach((listener) => listener());
}

export function onLangChange(listener: () => void): void {
    listeners.add(listener);
}
