import { z } from 'zod';

export const weekdays = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;
export type Weekday = (typeof weekdays)[number];

const timePattern = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const time = z
  .string()
  .regex(timePattern, { message: 'une heure au format HH:MM, sur 24 heures (ex. « 08:30 » ou « 14:00 »)' });

/** One opening slot, e.g. Monday to Friday 08:30–12:00. */
export const openingSlotSchema = z
  .object({
    days: z.array(z.enum(weekdays)).min(1),
    opens: time,
    closes: time,
    /** true when this slot is only on appointment. */
    appointmentOnly: z.boolean().default(false),
  })
  .strict()
  // Compared only when both hours are well written: a badly written one has its own message.
  .refine((slot) => !timePattern.test(slot.opens) || !timePattern.test(slot.closes) || slot.opens < slot.closes, {
    message: 'l’heure de fermeture n’est pas après l’heure d’ouverture',
    params: {
      expected: 'une heure de fermeture plus tardive que « opens » (sur 24 heures : « 14:00 » et non « 02:00 »)',
    },
    path: ['closes'],
  });
export type OpeningSlot = z.infer<typeof openingSlotSchema>;

function overlaps(a: OpeningSlot, b: OpeningSlot): boolean {
  return a.days.some((day) => b.days.includes(day)) && a.opens < b.closes && b.opens < a.closes;
}

export const openingHoursSchema = z.array(openingSlotSchema).superRefine((slots, ctx) => {
  for (let i = 0; i < slots.length; i++) {
    for (let j = i + 1; j < slots.length; j++) {
      if (overlaps(slots[i]!, slots[j]!)) {
        ctx.addIssue({
          code: 'custom',
          path: [j],
          message: `ce créneau chevauche le créneau n° ${i + 1} (même jour, heures qui se recouvrent)`,
          params: { expected: 'des créneaux qui ne se recouvrent pas : un créneau le matin, un autre l’après-midi' },
        });
      }
    }
  }
});
