import { describe, expect, it } from 'vitest';
import opening_hours from 'opening_hours';
import { weekdays, type Weekday } from '../../src/schemas/hours.ts';
import { toOpeningHours, type HoursSlot } from '../../src/domain/opening-hours.ts';

const weekdaysMoFr: Weekday[] = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi'];

/**
 * The week the OSM value opens, read back by opening_hours.js (the reference parser of the OSM
 * syntax, used by OpenStreetMap's own tools): one line per interval, "day HH:MM-HH:MM comment".
 */
function weekReadBack(value: string): string[] {
  const hours = new opening_hours(value, null, {
    mode: 0,
    tag_key: 'opening_hours',
    map_value: false,
    warnings_severity: 7,
    locale: 'fr',
  });
  // The only warning allowed: no rule for public holidays, which the content does not give (no guess).
  expect(
    hours
      .getStructuredWarnings()
      .filter((w) => w.type !== 'public_holiday')
      .map((w) => w.message),
    value,
  ).toEqual([]);
  const monday = new Date(2026, 10, 30); // Monday 30 November 2026, local time, as the parser works
  const nextMonday = new Date(2026, 11, 7);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return hours
    .getOpenIntervals(monday, nextMonday)
    .map(
      ([from, to, unknown, comment]) =>
        `${weekdays[(from.getDay() + 6) % 7]} ${time(from)}-${time(to)}${unknown ? ' ?' : ''}${comment ? ` "${comment}"` : ''}`,
    );
}

/** The same week, straight from the content's slots: a slot with a note is "unknown" (?), read its comment. */
function weekOfSlots(slots: readonly HoursSlot[]): string[] {
  const comment = (slot: HoursSlot) =>
    [...(slot.appointmentOnly ? ['sur rendez-vous'] : []), ...(slot.note ? [slot.note] : [])].join(', ');
  return weekdays.flatMap((day) =>
    slots
      .filter((slot) => slot.days.includes(day))
      .sort((a, b) => a.opens.localeCompare(b.opens))
      .map(
        (slot) =>
          `${day} ${slot.opens}-${slot.closes}${slot.note ? ' ?' : ''}${comment(slot) ? ` "${comment(slot)}"` : ''}`,
      ),
  );
}

describe('les horaires au format OpenStreetMap (opening_hours)', () => {
  it('ne dit rien quand le lieu n’a pas d’horaires', () => {
    expect(toOpeningHours(undefined)).toBeUndefined();
    expect(toOpeningHours([])).toBeUndefined();
  });

  it('écrit une plage de jours consécutifs comme un intervalle', () => {
    expect(toOpeningHours([{ days: weekdaysMoFr, opens: '08:30', closes: '12:00' }])).toBe('Mo-Fr 08:30-12:00');
  });

  it('met deux créneaux du même jour dans une seule règle, le matin d’abord', () => {
    const slots: HoursSlot[] = [
      { days: weekdaysMoFr, opens: '13:30', closes: '17:00' },
      { days: weekdaysMoFr, opens: '08:30', closes: '12:00' },
    ];
    expect(toOpeningHours(slots)).toBe('Mo-Fr 08:30-12:00,13:30-17:00');
  });

  it('regroupe les jours qui ont les mêmes heures, même s’ils ne se suivent pas', () => {
    const slots: HoursSlot[] = [
      { days: weekdaysMoFr, opens: '08:30', closes: '12:00' },
      { days: ['lundi', 'mercredi'], opens: '13:30', closes: '17:00' },
      { days: ['samedi'], opens: '09:00', closes: '12:00' },
    ];
    expect(toOpeningHours(slots)).toBe('Mo,We 08:30-12:00,13:30-17:00; Tu,Th,Fr 08:30-12:00; Sa 09:00-12:00');
  });

  it('écrit « lundi, mardi, mercredi et vendredi » comme Mo-We,Fr', () => {
    expect(
      toOpeningHours([{ days: ['vendredi', 'lundi', 'mercredi', 'mardi'], opens: '09:00', closes: '11:00' }]),
    ).toBe('Mo-We,Fr 09:00-11:00');
  });

  it('dit « ouvert, sur rendez-vous » dans une règle qui s’ajoute aux autres sans les remplacer', () => {
    const slots: HoursSlot[] = [
      { days: weekdaysMoFr, opens: '08:30', closes: '12:00' },
      { days: ['jeudi'], opens: '14:00', closes: '17:30', appointmentOnly: true },
    ];
    const value = toOpeningHours(slots)!;
    expect(value).toBe('Mo-Fr 08:30-12:00, Th 14:00-17:30 open "sur rendez-vous"');
    // With ";" instead of ",", Thursday morning would disappear: the parser proves it is kept.
    expect(weekReadBack(value)).toContain('jeudi 08:30-12:00');
    expect(weekReadBack(value)).toContain('jeudi 14:00-17:30 "sur rendez-vous"');
  });

  it('garde la note d’un créneau en commentaire, sans guillemet droit qui casserait la valeur, et sans dire « ouvert » à coup sûr', () => {
    const slots: HoursSlot[] = [
      { days: ['mardi'], opens: '09:00', closes: '12:00', note: 'permanence des élus' },
      { days: ['mardi'], opens: '14:00', closes: '16:00', appointmentOnly: true, note: 'bureau "logement"' },
    ];
    expect(toOpeningHours(slots)).toBe(
      'Tu 09:00-12:00 "permanence des élus", Tu 14:00-16:00 "sur rendez-vous, bureau ”logement”"',
    );
    expect(weekReadBack(toOpeningHours(slots)!)).toEqual([
      'mardi 09:00-12:00 ? "permanence des élus"',
      'mardi 14:00-16:00 ? "sur rendez-vous, bureau ”logement”"',
    ]);
  });

  it('donne, relue par opening_hours.js, exactement la semaine du contenu', () => {
    const cases: HoursSlot[][] = [
      [{ days: weekdaysMoFr, opens: '08:30', closes: '12:00' }],
      [
        { days: weekdaysMoFr, opens: '08:30', closes: '12:00' },
        { days: ['lundi', 'mardi', 'jeudi'], opens: '13:30', closes: '17:00' },
      ],
      [
        { days: ['lundi', 'mercredi', 'vendredi'], opens: '09:00', closes: '12:00' },
        { days: ['mercredi'], opens: '14:00', closes: '16:30', appointmentOnly: true },
        { days: ['samedi'], opens: '09:00', closes: '11:30', note: 'un samedi sur deux' },
        { days: ['mardi', 'jeudi'], opens: '14:00', closes: '17:00', appointmentOnly: true },
      ],
      [
        { days: ['dimanche', 'samedi'], opens: '10:00', closes: '12:00' },
        { days: ['lundi'], opens: '07:00', closes: '08:00', note: 'accueil téléphonique' },
        { days: ['lundi'], opens: '16:00', closes: '18:00', note: 'accueil téléphonique' },
      ],
    ];
    for (const slots of cases) expect(weekReadBack(toOpeningHours(slots)!)).toEqual(weekOfSlots(slots));
  });
});
