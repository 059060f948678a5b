import type { Catalog, Place } from './types';
import { organisationOf, placeLocality } from './directory';
import { formatHours } from './format';

/** schema.org data for a place page: only the facts the content has, nothing filled in. */
export function placeJsonLd(catalog: Catalog, place: Place, url: string): Record<string, unknown> {
  const organisation = organisationOf(catalog, place);
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentOffice',
    name: place.name,
    url,
    parentOrganization: { '@type': 'Organization', name: organisation.name, ...(organisation.website ? { url: organisation.website } : {}) },
    areaServed: catalog.site.territory.name,
    ...(place.address
      ? {
          address: {
            '@type': 'PostalAddress',
            streetAddress: place.address.street,
            postalCode: place.address.postcode,
            addressLocality: place.address.city,
            addressCountry: 'FR',
          },
        }
      : { address: { '@type': 'PostalAddress', addressLocality: placeLocality(catalog, place), addressCountry: 'FR' } }),
    ...(place.phone ? { telephone: place.phone } : {}),
    ...(place.email ? { email: place.email } : {}),
    ...(place.hours ? { openingHours: formatHours(place.hours) } : {}),
  };
}
