import type { Catalog } from './types.ts';
import { communeOf, directorySource, mainPhone, organisationOf, placePhones } from './directory.ts';
import { compactHours, formatAddress, formatDate } from './format.ts';
import { absoluteUrl, paths } from './urls.ts';
import { exportSafeDeep } from './text-policy.ts';

/** One row per place, with the keys the open-data page documents. */
export interface PlaceRow {
  id: string;
  name: string;
  organisation: string;
  level: 1 | 2;
  onTerritory: boolean;
  communeInsee: string | null;
  town: string;
  services: string[];
  audiences: string[];
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  url: string;
  /** Every number, « 01 02 03 04 05 (Accueil) ». */
  phones: string[];
  /** Opening hours in French, one entry per group of days. */
  hours: string[];
  hoursNotes: string[];
  accessibility: string | null;
  latitude: number | null;
  longitude: number | null;
  /** The place's page in the national directory. */
  directoryUrl: string | null;
  /** Where the contact details come from, as the Licence Ouverte asks the directory to be credited. */
  detailsSource: string | null;
}

/** The credit the directory's licence asks for: producer, dataset, file and its date. */
export function directoryCredit(provenance: {
  file: string;
  fileDate: string;
  record: string;
  modified: string;
}): string {
  return `Service-Public.gouv.fr / DILA, Annuaire de l’administration – Base de données locales (Licence Ouverte 2.0), fichier ${provenance.file} du ${formatDate(provenance.fileDate)}, fiche ${provenance.record} mise à jour le ${formatDate(provenance.modified)}`;
}

export function placeRows(catalog: Catalog, base: string): PlaceRow[] {
  return [...catalog.places]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((place) => {
      const commune = communeOf(catalog, place);
      // Read by other programs: every string through the text policy's export filter (text-policy.ts).
      return exportSafeDeep({
        id: place.id,
        name: place.name,
        organisation: organisationOf(catalog, place).name,
        level: place.level,
        onTerritory: place.onTerritory,
        communeInsee: commune?.insee ?? null,
        town: commune?.name ?? place.town ?? '',
        services: place.services,
        audiences: place.audiences,
        address: place.address ? formatAddress(place.address).join(', ') : null,
        phone: mainPhone(place) ?? null,
        email: place.email ?? null,
        website: place.website ?? null,
        url: absoluteUrl(catalog.site.url, base, paths.place(place.id)),
        phones: placePhones(place).map((p) => (p.label ? `${p.number} (${p.label})` : p.number)),
        hours: place.hours ? compactHours(place.hours) : [],
        hoursNotes: place.hoursNotes ?? [],
        accessibility: place.accessibility ?? null,
        latitude: place.address?.latitude ?? null,
        longitude: place.address?.longitude ?? null,
        directoryUrl: place.directoryUrl ?? null,
        detailsSource: directorySource(place) ? directoryCredit(directorySource(place)!.directory) : null,
      });
    });
}

// New columns go at the end: a spreadsheet made from the older file keeps its columns.
const csvColumns: (keyof PlaceRow)[] = [
  'id',
  'name',
  'organisation',
  'level',
  'onTerritory',
  'communeInsee',
  'town',
  'services',
  'audiences',
  'address',
  'phone',
  'email',
  'website',
  'url',
  'phones',
  'hours',
  'hoursNotes',
  'accessibility',
  'latitude',
  'longitude',
  'directoryUrl',
  'detailsSource',
];

function csvCell(value: PlaceRow[keyof PlaceRow]): string {
  const text = value === null ? '' : Array.isArray(value) ? value.join('|') : String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV as a French spreadsheet opens it: ";" separator, CRLF, UTF-8 with a byte-order mark. */
export function toCsv(rows: readonly PlaceRow[]): string {
  const lines = [csvColumns.join(';'), ...rows.map((row) => csvColumns.map((c) => csvCell(row[c])).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
