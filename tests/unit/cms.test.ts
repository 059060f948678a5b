import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { collectionSpecs } from '../../src/content-loader/collections.ts';
import { bodyField, cmsConfig, formSchemas, forms } from '../../src/cms/config.ts';
import { problemsOf } from '../../src/cms/browser.ts';
import { CmsConfigError, formFields, type CmsField } from '../../src/cms/generate.ts';
import { normalize } from '../../src/cms/normalize.ts';
import { parseMdxText, parseYamlText, updateMdxText, updateYamlText } from '../../src/cms/yaml-text.ts';
import { orientationPartnerSchema } from '../../src/schemas/orientation.ts';
import { placeSchema } from '../../src/schemas/place.ts';

const contentDir = join(import.meta.dirname, '../../content');

/** Every content file a form edits, with the name of its form. */
function contentFiles(): { form: string; file: string }[] {
  return forms
    .flatMap((form) => {
      const spec: { folder?: string; file?: string; extension?: string } = collectionSpecs[form.spec];
      if (spec.file) return [{ form: form.spec, file: spec.file }];
      return readdirSync(join(contentDir, spec.folder!))
        .filter((name) => name.endsWith(spec.extension!))
        .map((name) => ({ form: form.spec, file: `${spec.folder}/${name}` }));
    })
    .filter(({ file }) => {
      try {
        readFileSync(join(contentDir, file));
        return true;
      } catch {
        return false;
      }
    });
}

function dataOf(file: string): Record<string, unknown> {
  const text = readFileSync(join(contentDir, file), 'utf8');
  if (file.endsWith('.mdx')) {
    const { data, body } = parseMdxText(text);
    return { ...data, body };
  }
  return parseYamlText(text);
}

/** Every key path of a file's data: `hours.opens` for the key of any item of the list `hours`. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => keyPaths(item, prefix));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...keyPaths(child, path)];
  });
}

function fieldsByPath(fields: CmsField[], prefix = '', into = new Map<string, CmsField>()): Map<string, CmsField> {
  for (const field of fields) {
    const path = prefix ? `${prefix}.${field.name}` : field.name;
    into.set(path, field);
    if (field.fields) fieldsByPath(field.fields, path, into);
  }
  return into;
}

describe('la configuration des formulaires (admin/config.yml)', () => {
  const config = cmsConfig() as {
    collections: { name: string; fields?: CmsField[]; files?: { fields: CmsField[] }[] }[];
  };
  const formFieldsOf = (name: string) => {
    const collection = config.collections.find((c) => c.name === name)!;
    return fieldsByPath(collection.fields ?? collection.files![0]!.fields);
  };

  it('a un champ de formulaire, avec un libellé en français, pour chaque champ de chaque fichier de contenu', () => {
    const missing: string[] = [];
    const files = contentFiles();
    expect(files.length).toBeGreaterThan(forms.length);
    for (const { form, file } of files) {
      const fields = formFieldsOf(form);
      for (const path of keyPaths(dataOf(file))) {
        const field = fields.get(path);
        // Below a hidden field (import provenance…), the data is kept as it is.
        if ([...fields].some(([p, f]) => f.widget === 'hidden' && path.startsWith(`${p}.`))) continue;
        if (!field) missing.push(`content/${file} : ${path} sans champ de formulaire`);
        else if (!field.label?.trim()) missing.push(`content/${file} : ${path} sans libellé`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('donne un libellé à chaque champ généré, et les choix en français', () => {
    const problems: string[] = [];
    for (const collection of config.collections) {
      for (const [path, field] of formFieldsOf(collection.name)) {
        if (!field.label?.trim()) problems.push(`${collection.name}.${path}`);
        for (const option of field.options ?? [])
          if (!option.label.trim() || option.label === '') problems.push(`${collection.name}.${path}=${option.value}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('relie un lieu à sa commune et à son organisation, et une fiche aux informations obligatoires, par identifiant', () => {
    const place = formFieldsOf('places');
    expect(place.get('commune')).toMatchObject({ widget: 'relation', collection: 'communes', value_field: '{{slug}}' });
    expect(place.get('organisation')).toMatchObject({ widget: 'relation', collection: 'organisations' });
    expect(formFieldsOf('topics').get('covers')).toMatchObject({
      widget: 'relation',
      collection: 'minimumInformation',
      multiple: true,
      value_field: 'items.*.id',
    });
    expect(formFieldsOf('topics').get('body')).toEqual(bodyField);
  });

  it('reprend les motifs et messages des schémas (téléphone, heures) et les choix de niveau en nombres', () => {
    const place = formFieldsOf('places');
    expect(place.get('phone')?.pattern?.[1]).toMatch(/numéro de téléphone/);
    expect(new RegExp(place.get('phone')!.pattern![0]).test('03 21 00 00 00')).toBe(true);
    expect(new RegExp(place.get('phone')!.pattern![0]).test('03 21 00')).toBe(false);
    expect(place.get('hours.opens')?.pattern?.[1]).toMatch(/HH:MM/);
    expect(place.get('level')?.options?.map((o) => o.value)).toEqual([1, 2]);
    // Children of an optional block are never required by the form (Decap would demand them when the block is empty).
    expect(place.get('address.street')?.required).toBe(false);
  });

  it('refuse un champ sans libellé, un libellé sans champ et un type qu’il ne sait pas traiter', () => {
    const schema = z.object({ name: z.string(), when: z.date() });
    expect(() => formFields(schema, { name: { label: 'Nom' } })).toThrow(/when : aucun libellé/);
    expect(() => formFields(schema, { name: { label: 'Nom' }, when: { label: 'Quand' } })).toThrow(/type date/);
    expect(() =>
      formFields(z.object({ name: z.string() }), { name: { label: 'Nom' }, old: { label: 'Ancien' } }),
    ).toThrow(CmsConfigError);
    expect(() =>
      formFields(z.object({ kind: z.enum(['a', 'b']) }), { kind: { label: 'Type', options: { a: 'A' } } }),
    ).toThrow(/« b » n’a pas de libellé/);
  });

  it('écrit vers GitLab en PKCE avec les réglages de content/site.yaml, et le mode local sur 127.0.0.1 seulement', () => {
    const gitlab = cmsConfig({
      settings: {
        backend: 'gitlab',
        repo: 'cahc/logement-social',
        branch: 'main',
        baseUrl: 'https://gitlab.exemple.fr',
        appId: 'abc',
      },
    });
    expect(gitlab.backend).toEqual({
      name: 'gitlab',
      repo: 'cahc/logement-social',
      branch: 'main',
      squash_merges: true,
      auth_type: 'pkce',
      app_id: 'abc',
      base_url: 'https://gitlab.exemple.fr',
      api_root: 'https://gitlab.exemple.fr/api/v4',
    });
    expect(gitlab.publish_mode).toBe('editorial_workflow');
    expect(gitlab.local_backend).toEqual({
      url: 'http://127.0.0.1:8081/api/v1',
      allowed_hosts: ['127.0.0.1', 'localhost'],
    });
    expect(cmsConfig().backend).toEqual({ name: 'proxy', proxy_url: 'http://127.0.0.1:8081/api/v1' });
  });
});

describe('les fichiers restent tels qu’un éditeur les écrirait', () => {
  const schemas = formSchemas();

  it('un fichier ouvert puis enregistré sans changement reste identique, octet pour octet', () => {
    const changed: string[] = [];
    for (const { form, file } of contentFiles()) {
      const text = readFileSync(join(contentDir, file), 'utf8');
      if (file.endsWith('.mdx')) {
        const { data, body } = parseMdxText(text);
        const normalized = normalize(schemas[form]!, data, data) as Record<string, unknown>;
        if (updateMdxText(text, normalized, body) !== text) changed.push(file);
      } else {
        const normalized = normalize(schemas[form]!, parseYamlText(text), parseYamlText(text)) as Record<
          string,
          unknown
        >;
        if (updateYamlText(text, normalized) !== text) changed.push(file);
      }
    }
    expect(changed).toEqual([]);
  });

  it('changer le premier texte d’un fichier de contenu ne change que sa ligne', () => {
    const problems: string[] = [];
    for (const { file } of contentFiles().filter(({ file }) => file.endsWith('.yaml'))) {
      const text = readFileSync(join(contentDir, file), 'utf8');
      const data = parseYamlText(text);
      const key = Object.keys(data).find((k) => typeof data[k] === 'string' && !String(data[k]).includes('\n'));
      if (!key) continue;
      const next = updateYamlText(text, { ...data, [key]: `${String(data[key])} modifié` });
      const before = text.split('\n');
      const after = next.split('\n');
      const changed = before.map((line, i) => (line === after[i] ? null : i)).filter((i) => i !== null);
      if (before.length !== after.length || changed.length !== 1)
        problems.push(`${file} : ${changed.length} lignes changées`);
    }
    expect(problems).toEqual([]);
  });

  const place = `name: Mairie
# Un commentaire qui doit rester.
organisation: communes
level: 1
services: [welcome, information]
phone: "03 21 00 00 00"
sources:
  - title: 'Convention' # source
    date: 2022-12-20
`;

  it('changer une valeur ne change qu’une ligne (commentaires, guillemets, listes entre crochets gardés)', () => {
    const data = parseYamlText(place);
    const next = updateYamlText(place, { ...data, phone: '03 21 99 99 99' });
    expect(next).toBe(place.replace('"03 21 00 00 00"', '"03 21 99 99 99"'));
    const services = updateYamlText(place, { ...data, services: ['welcome', 'information', 'support'] });
    expect(services).toBe(place.replace('[welcome, information]', '[welcome, information, support]'));
  });

  it('un champ vidé disparaît du fichier, un champ ajouté se place dans l’ordre du formulaire', () => {
    const data = parseYamlText(place);
    const { phone: _phone, ...withoutPhone } = data;
    expect(updateYamlText(place, withoutPhone)).toBe(place.replace('phone: "03 21 00 00 00"\n', ''));
    const withEmail = {
      name: data.name,
      organisation: data.organisation,
      level: 1,
      services: data.services,
      phone: data.phone,
      email: 'a@b.fr',
      sources: data.sources,
    };
    expect(updateYamlText(place, withEmail)).toBe(
      place.replace('phone: "03 21 00 00 00"\n', 'phone: "03 21 00 00 00"\nemail: a@b.fr\n'),
    );
  });

  it('ajoute un créneau d’ouverture à la fin de la liste, écrit comme les autres, sans toucher aux autres lignes', () => {
    const text = `hours:\n  # matin\n  - days: [lundi]\n    opens: "08:30"\n    closes: "12:00"\n`;
    const data = parseYamlText(text) as { hours: unknown[] };
    // As Decap hands it: the box's default first, then the fields.
    const form = {
      hours: [...data.hours, { appointmentOnly: false, days: ['mardi'], opens: '14:00', closes: '17:00' }],
    };
    const next = updateYamlText(text, normalize(placeSchema, form, data) as Record<string, unknown>);
    expect(next).toBe(`${text}  - days: [mardi]\n    opens: "14:00"\n    closes: "17:00"\n`);
  });

  it('garde le corps d’une fiche MDX octet pour octet quand seul le résumé change', () => {
    const text =
      '---\ntitle: "Titre"\nsummary: "Ancien résumé."\n---\n\nimport X from "y";\n\nTexte   avec  espaces\r\n<X />\n';
    const { data, body } = parseMdxText(text);
    const next = updateMdxText(text, { ...data, summary: 'Nouveau résumé.' }, body);
    expect(next).toBe(text.replace('Ancien résumé.', 'Nouveau résumé.'));
  });

  it('ramène les valeurs du formulaire à celles du fichier (champs vidés, nombres, case « portail » décochée)', () => {
    const value = normalize(placeSchema, {
      name: 'A',
      level: '2',
      email: '',
      audiences: [],
      phones: [],
      address: { street: '', postcode: '', city: '' },
    });
    expect(value).toEqual({ name: 'A', level: 2 });
    expect(normalize(orientationPartnerSchema, { organisation: 'caf', portal: false, forYou: 'Aide.' })).toEqual({
      organisation: 'caf',
      forYou: 'Aide.',
    });
    // A default the file already had stays.
    expect(normalize(placeSchema, { name: 'A', audiences: [] }, { name: 'A', audiences: [] })).toEqual({
      name: 'A',
      audiences: [],
    });
  });
});

describe('la vérification avant enregistrement (src/cms/browser.ts)', () => {
  const place = {
    name: 'Mairie',
    organisation: 'communes',
    level: 1,
    onTerritory: true,
    commune: 'carvin',
    services: ['welcome'],
    conventionLabel: 'X',
    sources: [{ title: 'Convention' }],
  };

  it('accepte une fiche juste', () => {
    expect(problemsOf('places', placeSchema, place)).toEqual([]);
  });

  it('refuse une règle croisée avec le message du schéma et le libellé français du champ', () => {
    const problems = problemsOf('places', placeSchema, { ...place, services: ['welcome', 'registration'] });
    expect(problems).toEqual([
      expect.stringMatching(/^Niveau : un lieu de niveau 1 n’enregistre pas la demande.* Attendu : « level: 2 »/),
    ]);
  });

  it('nomme l’élément de liste en cause', () => {
    const hours = [
      { days: ['lundi'], opens: '08:30', closes: '12:00' },
      { days: ['lundi'], opens: '11:00', closes: '13:00' },
    ];
    expect(problemsOf('places', placeSchema, { ...place, hours })).toEqual([
      expect.stringMatching(/^Horaires d’ouverture › créneau n° 2 : ce créneau chevauche le créneau n° 1/),
    ]);
  });
});
