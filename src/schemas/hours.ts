import { z } from 'astro/zod';

export const weekdays = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;
export type Weekday = (typeof weekdays)[number];

const time = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { message: 'heure attendue au format HH:MM (ex. « 08:30 »)' });

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
  .refine((slot) => slot.opens < slot.closes, {
    message: 'l’heure de fermeture doit être après l’heure d’ouverture',
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
          code: z.ZodIssueCode.custom,
          path: [j],
          message: `ce créneau chevauche le créneau n° ${i + 1} : des horaires qui ne se recouvrent pas sont attendus`,
        });
      }
    }
  }
});
