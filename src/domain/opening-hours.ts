import type { OpeningSlot, Weekday } from '../schemas/hours.ts';
import { weekdays } from '../schemas/hours.ts';

/**
 * Opening hours in the OpenStreetMap `opening_hours` syntax (https://wiki.openstreetmap.org/wiki/Key:opening_hours),
 * the one data·inclusion's `horaires_accueil` asks for: "Mo-Fr 08:30-12:00,13:30-17:00; Sa 09:00-12:00".
 */

const osmDays: Record<Weekday, string> = {
  lundi: 'Mo',
  mardi: 'Tu',
  mercredi: 'We',
  jeudi: 'Th',
  vendredi: 'Fr',
  samedi: 'Sa',
  dimanche: 'Su',
};

/** A slot as the content has it, plus an optional note in French (e.g. "fermé en août"), printed as an OSM comment. */
export type HoursSlot = Pick<OpeningSlot, 'days' | 'opens' | 'closes'> & { appointmentOnly?: boolean; note?: string };

/**
 * What follows the times of a slot: its comment (the appointment first, then the note; OSM comments
 * cannot hold a double quote) and the state. A slot on appointment is `open "sur rendez-vous"`: the
 * desk receives then. A slot with a note stays without a state, which OSM reads as "unknown, read
 * the comment": a note such as "un samedi sur deux" says the desk is not always open then.
 */
function suffixOf(slot: HoursSlot): string {
  const note = slot.note?.trim();
  const comment = [...(slot.appointmentOnly ? ['sur rendez-vous'] : []), ...(note ? [note] : [])]
    .join(', ')
    .replace(/"/g, '”');
  if (!comment) return '';
  return `${slot.appointmentOnly && !note ? ' open' : ''} "${comment}"`;
}

/** Mo,Tu,We,Fr → "Mo-We,Fr": runs of three days or more become a range, as French "du lundi au mercredi". */
function daySelector(days: readonly Weekday[]): string {
  const indexes = [...new Set(days.map((d) => weekdays.indexOf(d)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = 0;
  for (let i = 1; i <= indexes.length; i++) {
    if (i < indexes.length && indexes[i] === indexes[i - 1]! + 1) continue;
    const run = indexes.slice(start, i).map((index) => osmDays[weekdays[index]!]);
    parts.push(run.length >= 3 ? `${run[0]}-${run[run.length - 1]}` : run.join(','));
    start = i;
  }
  return parts.join(',');
}

/**
 * Converts the content's slots to one `opening_hours` value, or undefined when there are none.
 *
 * Slots are regrouped day by day, so that a day with a morning and an afternoon slot reads
 * "Mo-Fr 08:30-12:00,13:30-17:00", and days with the same times share one rule. Within a group the
 * rules are joined by ";" and select different days, because in OSM a later ";" rule replaces the
 * earlier ones on the days it names. Slots with a comment (appointment, note) make their own group,
 * joined by ",", OSM's separator for a rule that adds to the previous ones instead of replacing them.
 */
export function toOpeningHours(slots: readonly HoursSlot[] | undefined): string | undefined {
  if (!slots || slots.length === 0) return undefined;
  const bySuffix = new Map<string, HoursSlot[]>();
  for (const slot of slots) {
    const suffix = suffixOf(slot);
    bySuffix.set(suffix, [...(bySuffix.get(suffix) ?? []), slot]);
  }
  // Plain hours first, then the commented groups in the order the content gives them.
  const groups = [...bySuffix.entries()].sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : 0));
  const parts = groups.map(([suffix, group]) => {
    const timesByDay = new Map<Weekday, string>();
    for (const day of weekdays) {
      const ranges = group
        .filter((slot) => slot.days.includes(day))
        .map((slot) => `${slot.opens}-${slot.closes}`)
        .sort();
      if (ranges.length > 0) timesByDay.set(day, [...new Set(ranges)].join(','));
    }
    const daysByTimes = new Map<string, Weekday[]>();
    for (const [day, times] of timesByDay) daysByTimes.set(times, [...(daysByTimes.get(times) ?? []), day]);
    const rules = [...daysByTimes.entries()].map(([times, days]) => `${daySelector(days)} ${times}${suffix}`);
    return rules.join(suffix ? ', ' : '; ');
  });
  return parts.join(', ');
}
