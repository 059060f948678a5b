import type { Catalog, Place } from './types.ts';
import { mainPhone, organisationOf, placeLocality } from './directory.ts';
import { weekdays } from '../schemas/hours.ts';
import { exportSafeDeep } from './text-policy.ts';

const schemaDays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * schema.org data for a place page: only the facts the content has, nothing filled in. Read by
 * other programs, so every string goes through the text policy's export filter (text-policy.ts).
 */
export function placeJsonLd(catalog: Catalog, place: Place, url: string): Record<string, unknown> {
  const organisation = organisationOf(catalog, place);
  return exportSafeDeep({
    '@context': 'https://schema.org',
    '@type': 'GovernmentOffice',
    name: place.name,
    url,
    parentOrganization: {
      '@type': 'Organization',
      name: organisation.name,
      ...(organisation.website ? { url: organisation.website } : {}),
    },
    areaServed: catalog.site.territory.name,
    ...(place.address
      ? {
          address: {
            '@type': 'PostalAddress',
            streetAddress: [place.address.street, place.address.complement].filter(Boolean).join(', '),
            postalCode: place.address.postcode,
            addressLocality: place.address.city,
            addressCountry: 'FR',
          },
        }
      : {
          address: { '@type': 'PostalAddress', addressLocality: placeLocality(catalog, place), addressCountry: 'FR' },
        }),
    ...(mainPhone(place) ? { telephone: mainPhone(place) } : {}),
    ...(place.email ? { email: place.email } : {}),
    ...(place.address?.latitude !== undefined && place.address.longitude !== undefined
      ? { geo: { '@type': 'GeoCoordinates', latitude: place.address.latitude, longitude: place.address.longitude } }
      : {}),
    // Slots on appointment only are not opening hours in schema.org's sense: left out.
    ...(place.hours && place.hours.some((slot) => !slot.appointmentOnly)
      ? {
          openingHoursSpecification: place.hours
            .filter((slot) => !slot.appointmentOnly)
            .map((slot) => ({
              '@type': 'OpeningHoursSpecification',
              dayOfWeek: slot.days.map((day) => `https://schema.org/${schemaDays[weekdays.indexOf(day)]}`),
              opens: slot.opens,
              closes: slot.closes,
            })),
        }
      : {}),
  });
}
