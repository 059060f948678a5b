import type { Catalog } from './types';
import { communeOf, organisationOf } from './directory';
import { formatAddress } from './format';
import { absoluteUrl, paths } from './urls';

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
}

export function placeRows(catalog: Catalog, base: string): PlaceRow[] {
  return [...catalog.places]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((place) => {
      const commune = communeOf(catalog, place);
      return {
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
        phone: place.phone ?? null,
        email: place.email ?? null,
        website: place.website ?? null,
        url: absoluteUrl(catalog.site.url, base, paths.place(place.id)),
      };
    });
}

const csvColumns: (keyof PlaceRow)[] = ['id', 'name', 'organisation', 'level', 'onTerritory', 'communeInsee', 'town', 'services', 'audiences', 'address', 'phone', 'email', 'website', 'url'];

function csvCell(value: PlaceRow[keyof PlaceRow]): string {
  const text = value === null ? '' : Array.isArray(value) ? value.join('|') : String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV as a French spreadsheet opens it: ";" separator, CRLF, UTF-8 with a byte-order mark. */
export function toCsv(rows: readonly PlaceRow[]): string {
  const lines = [csvColumns.join(';'), ...rows.map((row) => csvColumns.map((c) => csvCell(row[c])).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
