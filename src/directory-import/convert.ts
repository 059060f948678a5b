import { email as emailSchema, frenchPhone, httpUrl } from '../schemas/common';
import { weekdays, type OpeningSlot, type Weekday } from '../schemas/hours';
import type { Address } from '../schemas/address';
import type { PhoneEntry } from '../schemas/place';
import { capitalise, formatDays, lowerFirst } from '../domain/format';
import type { DirectoryOpening, DirectoryRecord } from './parse';

/** The place fields the import owns, in the order they are written into a place's file. */
export const importedFields = ['address', 'phones', 'email', 'website', 'hours', 'hoursNotes', 'accessibility', 'directoryUrl'] as const;
export type ImportedField = (typeof importedFields)[number];

export interface ImportedDetails {
  address?: Address;
  phones?: PhoneEntry[];
  email?: string;
  website?: string;
  hours?: Omit<OpeningSlot, 'appointmentOnly'>[];
  hoursNotes?: string[];
  accessibility?: string;
  directoryUrl?: string;
}

/** A value of the record that was left out, and why: the summary shows it to the editor. */
export type Remark = string;

function dayRange(opening: DirectoryOpening): Weekday[] | undefined {
  const first = weekdays.indexOf(opening.firstDay.toLowerCase() as Weekday);
  const last = weekdays.indexOf(opening.lastDay.toLowerCase() as Weekday);
  if (first < 0 || last < 0 || last < first) return undefined;
  return weekdays.slice(first, last + 1);
}

/**
 * Opening hours: each day range with its one or two slots; ranges with the same times are merged
 * into one slot (« du lundi au vendredi, de 9 h à 12 h »), and comments kept as notes.
 */
export function convertHours(openings: readonly DirectoryOpening[], remarks: Remark[]): { hours: ImportedDetails['hours']; notes: string[] } {
  const slots: { days: Weekday[]; opens: string; closes: string }[] = [];
  const notes: string[] = [];
  for (const opening of openings) {
    const days = dayRange(opening);
    if (!days) {
      remarks.push(`horaires : jours « ${opening.firstDay} – ${opening.lastDay} » illisibles, plage ignorée`);
      continue;
    }
    for (const slot of opening.slots) {
      if (slot.opens >= slot.closes) {
        remarks.push(`horaires : ${slot.opens}–${slot.closes} (fermeture avant l’ouverture), créneau ignoré`);
        continue;
      }
      const same = slots.find((s) => s.opens === slot.opens && s.closes === slot.closes);
      if (same) same.days = weekdays.filter((d) => same.days.includes(d) || days.includes(d));
      else slots.push({ days: [...days], ...slot });
    }
    if (opening.comment) notes.push(`${capitalise(formatDays(days))} : ${/^.[a-zà-ÿ]/.test(opening.comment) ? lowerFirst(opening.comment) : opening.comment}`);
  }
  // Keep the file stable and readable: by first day, then by hour.
  slots.sort((a, b) => weekdays.indexOf(a.days[0]!) - weekdays.indexOf(b.days[0]!) || a.opens.localeCompare(b.opens));
  return { hours: slots.length > 0 ? slots : undefined, notes };
}

/** The place fields a directory record gives, checked against the place schema's own rules. */
export function recordDetails(record: DirectoryRecord): { details: ImportedDetails; remarks: Remark[] } {
  const remarks: Remark[] = [];
  const details: ImportedDetails = {};

  // « Adresse » is where to go; « Adresse postale » is for letters only, never shown as a place.
  const address = record.addresses.find((a) => a.kind.toLowerCase() === 'adresse');
  if (address) {
    if (!address.street || !/^\d{5}$/.test(address.postcode) || !address.city) {
      remarks.push('adresse incomplète dans l’annuaire (voie, code postal ou commune manquant), non reprise');
    } else {
      const complement = address.lines.filter((l) => l !== address.street).join(', ');
      details.address = {
        street: address.street,
        ...(complement ? { complement } : {}),
        postcode: address.postcode,
        city: address.city,
        ...(address.latitude !== undefined && address.longitude !== undefined ? { latitude: address.latitude, longitude: address.longitude } : {}),
      };
    }
    if (address.accessibilityNote) details.accessibility = address.accessibilityNote;
  } else if (record.addresses.length > 0) {
    remarks.push('seule une adresse postale figure dans l’annuaire : elle n’est pas reprise comme lieu d’accueil');
  }

  const phones = record.phones.filter((p) => {
    const ok = frenchPhone.safeParse(p.number).success;
    if (!ok) remarks.push(`téléphone « ${p.number} » illisible, non repris`);
    return ok;
  });
  if (phones.length > 0) details.phones = phones;

  const emails = record.emails.filter((e) => {
    const ok = emailSchema.safeParse(e).success;
    if (!ok) remarks.push(`e-mail « ${e} » illisible, non repris`);
    return ok;
  });
  if (emails.length > 0) details.email = emails[0];
  if (emails.length > 1) remarks.push(`${emails.length} e-mails dans l’annuaire : seul le premier est repris`);

  for (const site of record.websites) {
    // Reported, not repaired: a wrong guess would send people to the wrong page or mailbox.
    if (emailSchema.safeParse(site.value.replace(/^mailto:/i, '')).success) remarks.push(`site internet « ${site.value} » : c’est une adresse e-mail, non repris`);
    else if (!httpUrl.safeParse(site.value).success) remarks.push(`site internet « ${site.value} » : adresse incomplète (sans https://), non reprise`);
    else if (!details.website) details.website = site.value;
  }

  const { hours, notes } = convertHours(record.openings, remarks);
  if (hours) details.hours = hours;
  if (notes.length > 0) details.hoursNotes = notes;

  if (record.url && httpUrl.safeParse(record.url).success) details.directoryUrl = record.url;
  return { details, remarks };
}
