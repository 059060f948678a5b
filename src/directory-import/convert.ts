import { email as emailSchema, frenchPhone, httpUrl } from '../schemas/common.ts';
import { weekdays, type OpeningSlot, type Weekday } from '../schemas/hours.ts';
import type { Address } from '../schemas/address.ts';
import type { PhoneEntry } from '../schemas/place.ts';
import { capitalise, formatDays, lowerFirst } from '../domain/format.ts';
import { importedText, type PolicyOptions } from '../domain/text-policy.ts';
import type { DirectoryOpening, DirectoryRecord } from './parse.ts';

/** The place fields the import owns, in the order they are written into a place's file. */
export const importedFields = [
  'address',
  'phones',
  'email',
  'website',
  'hours',
  'hoursNotes',
  'accessibility',
  'directoryUrl',
] as const;
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

/** A directory value quoted in a remark: short, so that a 200 kB value does not flood the summary. */
export const quoted = (value: string) => `« ${value.length > 60 ? `${value.slice(0, 60)}…` : value} »`;

/** What the import needs to apply the text policy: the print font's coverage and widths (src/leaflet/fonts.ts, words.ts). */
export interface ImportPolicy {
  missingGlyphs?: (text: string) => string[];
  wideWords?: (text: string, size: 'large' | 'body') => string[];
}

/** The policy's options for a field the leaflet prints in a desk's lines (body size). */
function printedField(policy: ImportPolicy, prefix = ''): PolicyOptions {
  const wide = policy.wideWords;
  return {
    printed: true,
    missingGlyphs: policy.missingGlyphs,
    ...(wide ? { wideWords: (text: string) => wide(`${prefix}${text}`, 'body') } : {}),
  };
}

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
export function convertHours(
  openings: readonly DirectoryOpening[],
  remarks: Remark[],
  policy: ImportPolicy = {},
): { hours: ImportedDetails['hours']; notes: string[] } {
  const slots: { days: Weekday[]; opens: string; closes: string }[] = [];
  const notes: string[] = [];
  for (const opening of openings) {
    const days = dayRange(opening);
    if (!days) {
      remarks.push(`horaires : jours ${quoted(`${opening.firstDay} – ${opening.lastDay}`)} illisibles, plage ignorée`);
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
    if (opening.comment) {
      // Printed on the leaflet under the desk: the policy's note (300 characters, the print font).
      const note = `${capitalise(formatDays(days))} : ${/^.[a-zà-ÿ]/.test(opening.comment) ? lowerFirst(opening.comment) : opening.comment}`;
      const kept = importedText(note, 'note', 'précision sur les horaires', remarks, printedField(policy));
      if (kept) notes.push(kept);
    }
  }
  // Keep the file stable and readable: by first day, then by hour.
  slots.sort((a, b) => weekdays.indexOf(a.days[0]!) - weekdays.indexOf(b.days[0]!) || a.opens.localeCompare(b.opens));
  return { hours: slots.length > 0 ? slots : undefined, notes };
}

/**
 * The place fields a directory record gives, checked against the place schema's own rules and the
 * text policy (src/domain/text-policy.ts): the directory is untrusted, so a value that fails is left
 * out of the place and named in the remarks, and the rest of the record is still imported.
 */
export function recordDetails(
  record: DirectoryRecord,
  policy: ImportPolicy = {},
): { details: ImportedDetails; remarks: Remark[] } {
  const remarks: Remark[] = [];
  const details: ImportedDetails = {};
  const printed = printedField(policy);

  // « Adresse » is where to go; « Adresse postale » is for letters only, never shown as a place.
  const address = record.addresses.find((a) => a.kind.toLowerCase() === 'adresse');
  if (address) {
    const street = address.street
      ? importedText(address.street, 'addressLine', 'adresse (voie)', remarks, printed)
      : undefined;
    // Printed after the postcode and a no-break space: one word on paper.
    const city = address.city
      ? importedText(address.city, 'city', 'adresse (commune)', remarks, printedField(policy, '00000\u00a0'))
      : undefined;
    if (!street || !/^\d{5}$/.test(address.postcode) || !city) {
      remarks.push('adresse incomplète dans l’annuaire (voie, code postal ou commune manquant ou refusé), non reprise');
    } else {
      const joined = address.lines.filter((l) => l !== address.street).join(', ');
      const complement = joined ? importedText(joined, 'addressLine', 'complément d’adresse', remarks) : undefined;
      details.address = {
        street,
        ...(complement ? { complement } : {}),
        postcode: address.postcode,
        city,
        ...(address.latitude !== undefined && address.longitude !== undefined
          ? { latitude: address.latitude, longitude: address.longitude }
          : {}),
      };
    }
    const accessibility = address.accessibilityNote
      ? importedText(address.accessibilityNote, 'description', 'accessibilité', remarks)
      : undefined;
    if (accessibility) details.accessibility = accessibility;
  } else if (record.addresses.length > 0) {
    remarks.push('seule une adresse postale figure dans l’annuaire : elle n’est pas reprise comme lieu d’accueil');
  }

  const phones = record.phones.flatMap((p): PhoneEntry[] => {
    if (!frenchPhone.safeParse(p.number).success) {
      remarks.push(`téléphone ${quoted(p.number)} illisible, non repris`);
      return [];
    }
    // A label that fails the policy is left out; the number is still good.
    const label = p.label
      ? importedText(p.label, 'label', `libellé du téléphone ${p.number}`, remarks, printed)
      : undefined;
    return [label ? { number: p.number, label } : { number: p.number }];
  });
  if (phones.length > 0) details.phones = phones;

  const emails = record.emails.filter((e) => {
    const ok = emailSchema.safeParse(e).success && importedText(e, 'email', 'e-mail', remarks) === e;
    if (!ok) remarks.push(`e-mail ${quoted(e)} illisible, non repris`);
    return ok;
  });
  if (emails.length > 0) details.email = emails[0];
  if (emails.length > 1) remarks.push(`${emails.length} e-mails dans l’annuaire : seul le premier est repris`);

  for (const site of record.websites) {
    // Reported, not repaired: a wrong guess would send people to the wrong page or mailbox.
    if (emailSchema.safeParse(site.value.replace(/^mailto:/i, '')).success)
      remarks.push(`site internet ${quoted(site.value)} : c’est une adresse e-mail, non repris`);
    else if (!httpUrl.safeParse(site.value).success)
      remarks.push(`site internet ${quoted(site.value)} : adresse incomplète (sans https://), non reprise`);
    else if (!details.website && importedText(site.value, 'url', 'site internet', remarks) === site.value)
      details.website = site.value;
  }

  const { hours, notes } = convertHours(record.openings, remarks, policy);
  if (hours) details.hours = hours;
  if (notes.length > 0) details.hoursNotes = notes;

  if (
    record.url &&
    httpUrl.safeParse(record.url).success &&
    importedText(record.url, 'url', 'page de l’annuaire', remarks) === record.url
  )
    details.directoryUrl = record.url;
  return { details, remarks };
}
