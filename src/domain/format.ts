import type { Address } from '../schemas/address.ts';
import type { OpeningSlot, Weekday } from '../schemas/hours.ts';
import { weekdays } from '../schemas/hours.ts';

const NBSP = '\u00a0';

export { formatEuros } from './money.ts';

const months = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** "2026-11-28" → "28 novembre 2026" (1er for the first day, as French writes it). */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${day === 1 ? '1er' : day}${NBSP}${months[month - 1]}${NBSP}${year}`;
}

/** The ten digits of a French number, whatever the editor typed. */
function phoneDigits(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return digits.startsWith('+33') ? `0${digits.slice(3)}` : digits;
}

/** "0321370140" → "03 21 37 01 40" with non-breaking spaces, so the number never wraps. */
export function formatPhone(phone: string): string {
  return phoneDigits(phone).replace(/(\d{2})(?=\d)/g, `$1${NBSP}`);
}

/** The international E.164 form: "+33321370140" (data·inclusion asks for it). */
export function phoneE164(phone: string): string {
  return `+33${phoneDigits(phone).slice(1)}`;
}

/** Value for a `tel:` link: "tel:+33321370140". */
export function phoneHref(phone: string): string {
  return `tel:${phoneE164(phone)}`;
}

export function formatAddress(address: Address): string[] {
  return [address.street, ...(address.complement ? [address.complement] : []), `${address.postcode} ${address.city}`];
}

/** "08:30" → "8 h 30", "14:00" → "14 h". */
export function formatTime(time: string): string {
  const [h, m] = time.split(':') as [string, string];
  return `${Number(h)}${NBSP}h${m === '00' ? '' : `${NBSP}${m}`}`;
}

/** Consecutive days become a range: lundi, mardi, mercredi → "du lundi au mercredi". */
export function formatDays(days: readonly Weekday[]): string {
  const sorted = [...days].sort((a, b) => weekdays.indexOf(a) - weekdays.indexOf(b));
  const indexes = sorted.map((d) => weekdays.indexOf(d));
  const consecutive = indexes.every((value, i) => i === 0 || value === indexes[i - 1]! + 1);
  if (sorted.length >= 3 && consecutive) return `du ${sorted[0]} au ${sorted[sorted.length - 1]}`;
  if (sorted.length === 1) return `le ${sorted[0]}`;
  return `les ${sorted.slice(0, -1).join(', ')} et ${sorted[sorted.length - 1]}`;
}

/** One readable line per slot: "du lundi au vendredi, de 8 h 30 à 12 h (sur rendez-vous)". */
export function formatHours(slots: readonly OpeningSlot[]): string[] {
  return slots.map(
    (slot) =>
      `${formatDays(slot.days)}, de ${formatTime(slot.opens)} à ${formatTime(slot.closes)}${slot.appointmentOnly ? ' (sur rendez-vous)' : ''}`,
  );
}

/** Capitalises the first letter only: used for list items that start with a formatted phrase. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lower-cases the first letter: a label reused inside a sentence. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** File sizes as French pages print them: "45 Ko", "1,2 Mo". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000 * 1000) return `${Math.max(1, Math.round(bytes / 1000))}\u00a0Ko`;
  return `${(bytes / 1000 / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })}\u00a0Mo`;
}

/** One line of an address, for lists: "11 rue X, 62220 Carvin" (the complement waits for the place page). */
export function compactAddress(address: Address): string {
  return `${address.street}, ${address.postcode}${NBSP}${address.city}`;
}

export interface DayHours {
  day: Weekday;
  /** "8 h 30 à 12 h", in opening order; "(sur rendez-vous)" appended when the slot says so. */
  slots: string[];
}

/** The week as a table reads it: one row per day that has a slot, slots in opening order. */
export function hoursByDay(slots: readonly OpeningSlot[]): DayHours[] {
  return weekdays
    .map((day) => ({
      day,
      slots: slots
        .filter((slot) => slot.days.includes(day))
        .sort((a, b) => a.opens.localeCompare(b.opens))
        .map(
          (slot) =>
            `${formatTime(slot.opens)} à ${formatTime(slot.closes)}${slot.appointmentOnly ? ' (sur rendez-vous)' : ''}`,
        ),
    }))
    .filter((row) => row.slots.length > 0);
}

/**
 * The week in as few lines as it takes: days with the same slots share a line.
 * [lun–ven 8:30–12:00 and 13:30–17:30, sam 9:00–12:00] → "Du lundi au vendredi : 8 h 30 à 12 h et 13 h 30 à 17 h 30", "Le samedi : 9 h à 12 h".
 */
export function compactHours(slots: readonly OpeningSlot[]): string[] {
  const groups: { days: Weekday[]; slots: string[] }[] = [];
  for (const row of hoursByDay(slots)) {
    const same = groups.find((g) => g.slots.join('|') === row.slots.join('|'));
    if (same) same.days.push(row.day);
    else groups.push({ days: [row.day], slots: row.slots });
  }
  return groups.map((g) => `${capitalise(formatDays(g.days))} : ${g.slots.join(' et ')}`);
}

/**
 * « de » before a commune's name, as French writes it: « de Carvin », « d’Oignies »,
 * « d’Évin-Malmaison », « d’Hénin-Beaumont » (mute h), « du Touquet », « des Mureaux ». A vowel
 * elides by itself; an h cannot be told mute or aspirated from its spelling (« d’Hénin » but
 * « de Hem »), so the commune's file says it (`elision: true`); `elision: false` forbids it.
 */
export function ofPlace(name: string, elision?: boolean): string {
  // « Le Touquet », « Les Mureaux »; not « Lens » nor « Lestrem ». « La Bassée », « L’Isle » keep their article.
  const article = /^(Les|Le) (.+)$/.exec(name);
  if (article) return `${article[1] === 'Le' ? 'du' : 'des'} ${article[2]}`;
  if (/^(La |L’|L')/.test(name)) return `de ${name}`;
  const first = name.normalize('NFD').charAt(0).toLowerCase();
  const elide = elision ?? 'aeiou'.includes(first);
  return elide ? `d’${name}` : `de ${name}`;
}

/**
 * The territory as a sentence's subject: site.yaml's `area.the` (« l’agglomération », « la
 * communauté de communes »), or else `area.of` without its preposition: « de la communauté de
 * communes » → « la communauté de communes », « du Ternois » → « le Ternois », « des Sept Vallées »
 * → « les Sept Vallées ».
 */
export function territoryItself(area: { of: string; the?: string }): string {
  if (area.the) return area.the;
  const of = area.of.trim();
  const contracted = /^(du|des)\s+(.+)$/i.exec(of);
  if (contracted) return `${contracted[1]!.toLowerCase() === 'du' ? 'le' : 'les'} ${contracted[2]}`;
  const plain = /^(?:de\s+|d[’'])(.+)$/i.exec(of);
  return plain ? plain[1]! : of;
}
