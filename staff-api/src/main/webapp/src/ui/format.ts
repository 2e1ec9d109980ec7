// Dates and times as the team reads them: in the municipality's time zone, Danish or English.
import { lang } from '../i18n/lang';

const ZONE = 'Europe/Copenhagen';

function locale(): string {
    return lang() === 'da' ? 'da-DK' : 'en-GB';
}

export function dateTime(iso: string | null | undefined): string {
    if (!iso) return '';
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    return new Intl.DateTimeFormat(locale(), { timeZone: ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/**
 * A deadline: the server gives the end of a working day as the next midnight in Denmark; the team reads it as
 * "end of 30 Nov", not "1 Dec 00:00".
 */
export function deadline(iso: string | null | undefined): string {
    if (!iso) return '';
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    const time = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(d);
    if (time !== '00:00') return dateTime(iso);
    const day = new Date(d.getTime() - 60_000);
    const text = new Intl.DateTimeFormat(locale(), { timeZone: ZONE, dateStyle: 'medium' }).format(day);
    return lang() === 'da' ? `${text}, dagens udgang` : `${text}, end of day`;
}

export function timeOfDay(d: Date): string {
    return new Intl.DateTimeFormat(locale(), { timeZone: ZONE, timeStyle: 'short' }).format(d);
}

/** A LocalDate (yyyy-mm-dd) as a date, without moving it through a time zone. */
export function date(isoDate: string | null | undefined): string {
    if (!isoDate) return '';
    const [y, m, d] = isoDate.split('-').map(Number);
    if (!y || !m || !d) return isoDate;
    return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', dateStyle: 'medium' }).format(Date.UTC(y, m - 1, d));
}

/** "in 3 hours" / "2 days ago", for deadlines. */
export function relative(iso: string | null | undefined, now = Date.now()): string {
    if (!iso) return '';
    const diff = Date.parse(iso) - now;
    if (Number.isNaN(diff)) return '';
    const format = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
    const minutes = Math.round(diff / 60_000);
    if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
    const hours = Math.round(diff / 3_600_000);
    if (Math.abs(hours) < 48) return format.format(hours, 'hour');
    return format.format(Math.round(diff / 86_400_000), 'day');
}

export function isPast(iso: string | null | undefined, now = Date.now()): boolean {
    return !!iso && Date.parse(iso) < now;
}

/** Today in Denmark as yyyy-mm-dd. */
export function today(): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
}

export function firstOfMonth(): string {
    return today().slice(0, 8) + '01';
}

/** The value for an <input type="datetime-local"> for an instant, in the browser's time zone. */
export function toLocalInput(d: Date): string {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string | null {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function number(n: number | null | undefined): string {
    return n == null ? '' : new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(n);
}

/** Hours as "26,5 t" / "26.5 h", and days past 48 hours. */
export function hours(h: number | null | undefined): string {
    if (h == null) return '–';
    if (h < 1) return `${Math.round(h * 60)} min`;
    if (h >= 48) return lang() === 'da' ? `${number(h / 24)} dage` : `${number(h / 24)} days`;
    return lang() === 'da' ? `${number(h)} timer` : `${number(h)} hours`;
}
