import type { ZodType } from 'zod';
import { collectionSpecs, type CollectionSpec } from '../content-loader/collections.ts';
import type { CmsSettings } from '../schemas/site.ts';
import { formFields, type CmsField, type Overlay } from './generate.ts';
import * as overlays from './overlay.ts';

/**
 * Decap CMS's configuration (admin/config.yml), generated from the schemas of
 * src/content-loader/collections.ts and the French overlay. Pure: the caller passes the settings of
 * content/site.yaml and writes the result.
 */

/**
 * Each form has a file format of its own (src/cms/browser.ts registers them): it reads and writes
 * the file's text with src/cms/yaml-text.ts and knows the schema that normalises the values.
 */
export const formatName = (form: string) => `sai-${form}`;

interface FormSpec {
  /** The collection of src/content-loader/collections.ts (its schema and where its files are). */
  spec: keyof typeof collectionSpecs;
  label: string;
  /** One entry: its name in the list of files. */
  singular?: string;
  overlay: Overlay;
  /** Field shown as the entry's title in lists. */
  identifier?: string;
  /** The MDX text after the front matter, kept byte for byte. */
  body?: boolean;
  create?: boolean;
}

/**
 * What the forms edit. Left out: the search vocabulary and the accessibility audit (tables for the
 * service's developers and auditors), and the RGAA referentials (official JSON files, never edited).
 */
export const forms: FormSpec[] = [
  { spec: 'places', label: 'Lieux d’accueil', singular: 'lieu', overlay: overlays.placeOverlay, create: true },
  { spec: 'communes', label: 'Communes', singular: 'commune', overlay: overlays.communeOverlay, create: true },
  {
    spec: 'organisations',
    label: 'Organisations',
    singular: 'organisation',
    overlay: overlays.organisationOverlay,
    create: true,
  },
  {
    spec: 'topics',
    label: 'Fiches',
    singular: 'fiche',
    overlay: overlays.topicOverlay,
    identifier: 'title',
    body: true,
    create: true,
  },
  {
    spec: 'orientation',
    label: 'Orientation (situations)',
    singular: 'situation',
    overlay: overlays.orientationOverlay,
    identifier: 'title',
    create: true,
  },
  {
    spec: 'pages',
    label: 'Pages institutionnelles',
    singular: 'page',
    overlay: overlays.pageOverlay,
    identifier: 'title',
    body: true,
  },
  { spec: 'incomeCeilings', label: 'Plafonds de ressources', overlay: overlays.incomeCeilingsOverlay },
  { spec: 'localFigures', label: 'Chiffres du territoire', overlay: overlays.localFiguresOverlay },
  { spec: 'dalo', label: 'DALO : délai anormalement long', overlay: overlays.daloOverlay },
  { spec: 'cotationGrid', label: 'Grille de cotation', overlay: overlays.cotationGridOverlay },
  { spec: 'glossary', label: 'Glossaire', overlay: overlays.glossaryOverlay },
  { spec: 'minimumInformation', label: 'Informations obligatoires', overlay: overlays.minimumInformationOverlay },
  { spec: 'site', label: 'Réglages du site', overlay: overlays.siteOverlay },
];

export const bodyField: CmsField = {
  name: 'body',
  label: 'Texte de la page (MDX)',
  widget: 'text',
  required: true,
  hint: 'Le texte en MDX, tel qu’il est dans le fichier. Ne modifiez pas les lignes « import » ni les balises <…>.',
};

/** The schema each entry of a form is checked with before it is saved, by form name. */
export function formSchemas(): Record<string, ZodType> {
  return Object.fromEntries(forms.map((form) => [form.spec, collectionSpecs[form.spec].schema]));
}

export interface CmsOptions {
  settings?: CmsSettings;
  /** decap-server's address for the local mode (npm run cms). */
  localBackend?: string;
  siteUrl?: string;
  /** Folder of the content, relative to the repository's root. */
  contentDir?: string;
}

function backendOf(settings: CmsSettings | undefined, localBackend: string): Record<string, unknown> {
  // Without settings, the forms only work in the local mode: nothing is guessed about a forge.
  if (!settings) return { name: 'proxy', proxy_url: localBackend };
  const common = { repo: settings.repo, branch: settings.branch, squash_merges: true };
  if (settings.backend === 'gitlab') {
    const base = (settings.baseUrl ?? 'https://gitlab.com').replace(/\/$/, '');
    return {
      name: 'gitlab',
      ...common,
      auth_type: 'pkce',
      app_id: settings.appId,
      base_url: base,
      api_root: `${base}/api/v4`,
    };
  }
  return { name: 'github', ...common, ...(settings.baseUrl ? { base_url: settings.baseUrl } : {}) };
}

export function cmsConfig(options: CmsOptions = {}): Record<string, unknown> {
  const localBackend = options.localBackend ?? 'http://127.0.0.1:8081/api/v1';
  const contentDir = (options.contentDir ?? 'content').replace(/\/$/, '');
  const collections = forms.map((form) => {
    const spec: CollectionSpec = collectionSpecs[form.spec];
    const fields = formFields(spec.schema, form.overlay);
    if (form.body) fields.push(bodyField);
    const format = formatName(form.spec);
    if (spec.folder) {
      return {
        name: form.spec,
        label: form.label,
        label_singular: form.singular,
        folder: `${contentDir}/${spec.folder}`,
        extension: spec.extension!.slice(1),
        format,
        identifier_field: form.identifier ?? 'name',
        summary: `{{${form.identifier ?? 'name'}}}`,
        sortable_fields: [form.identifier ?? 'name'],
        create: form.create ?? false,
        delete: false,
        slug: '{{slug}}',
        fields,
      };
    }
    return {
      name: form.spec,
      label: form.label,
      delete: false,
      files: [{ name: form.spec, label: form.label, file: `${contentDir}/${spec.file}`, format, fields }],
    };
  });
  return {
    backend: backendOf(options.settings, localBackend),
    // The local mode only where the page itself is on this machine (decap-server, npm run cms).
    local_backend: { url: localBackend, allowed_hosts: ['127.0.0.1', 'localhost'] },
    publish_mode: 'editorial_workflow',
    locale: 'fr',
    ...(options.siteUrl ? { site_url: options.siteUrl, display_url: options.siteUrl } : {}),
    // Required by Decap; the content has no uploaded files.
    media_folder: 'public/medias',
    public_folder: '/medias',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections,
  };
}
