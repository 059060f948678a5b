import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { serviceProblems, structureProblems } from '../../src/domain/data-inclusion-export.ts';
import { localDay } from '../../src/domain/report.ts';
import { readText } from '../helpers/dist.ts';
import { builtDist } from '../harness.ts';
import { projectRoot } from '../harness.ts';
import { loadRealContent } from '../helpers/real-content.ts';

const distWithBase = await builtDist('distWithBase');

const { catalog } = await loadRealContent();
if (!catalog) throw new Error('le contenu réel doit être valide');

/**
 * The built files checked on their own: a fresh ajv (draft 2020-12, formats) straight on the
 * vendored official schema files, then the rules of the upstream pydantic models. A failure names
 * the file of the place the record comes from.
 */
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const schema = (name: string) =>
  JSON.parse(readFileSync(join(projectRoot, 'vendor/data-inclusion-schema/v1', name), 'utf8')) as object;
const validateStructure = ajv.compile(schema('structure.json'));
const validateService = ajv.compile(schema('service.json'));
const today = localDay(new Date());

type Record = { id: string; structure_id?: string; [key: string]: unknown };
/** "sai-cahc--mairie-carvin--enregistrement" → the place mairie-carvin → "content/places/mairie-carvin.yaml". */
function placeFile(record: Record): string {
  const placeId = (record.structure_id ?? record.id).split('--')[1];
  return catalog!.places.find((p) => p.id === placeId)?.file ?? `lieu inconnu « ${placeId} » (${record.id})`;
}

describe('les fichiers data·inclusion construits', () => {
  const dist = distWithBase;
  const read = async (file: string) => JSON.parse(await readText(dist, `donnees/data-inclusion/${file}`)) as Record[];

  it('structures.json : chaque structure est valide pour le schéma officiel, une par lieu', async () => {
    const structures = await read('structures.json');
    for (const structure of structures) {
      const valid = validateStructure(structure);
      expect(valid ? [] : ajv.errorsText(validateStructure.errors), placeFile(structure)).toEqual([]);
      expect(structureProblems(structure, today), placeFile(structure)).toEqual([]);
    }
    expect(structures.map((s) => placeFile(s)).sort()).toEqual(catalog!.places.map((p) => p.file).sort());
  });

  it('services.json : chaque service est valide et rattaché à une structure publiée', async () => {
    const structureIds = new Set((await read('structures.json')).map((s) => s.id));
    const services = await read('services.json');
    expect(services.length).toBeGreaterThanOrEqual(catalog!.places.length);
    for (const service of services) {
      const valid = validateService(service);
      expect(valid ? [] : ajv.errorsText(validateService.errors), placeFile(service)).toEqual([]);
      expect(serviceProblems(service, today), placeFile(service)).toEqual([]);
      expect(structureIds.has(service.structure_id!), `${placeFile(service)} : ${service.id}`).toBe(true);
    }
    expect(new Set(services.map((s) => s.id)).size).toBe(services.length);
    // Every level-2 place registers the demand: its registration service is published.
    for (const place of catalog!.places.filter((p) => p.level === 2)) {
      expect(
        services.some((s) => s.id === `sai-cahc--${place.id}--enregistrement`),
        place.file,
      ).toBe(true);
    }
  });

  it('pointent chaque lieu vers sa page sur le site, avec la base', async () => {
    for (const structure of await read('structures.json')) {
      expect(structure.lien_source, placeFile(structure)).toBe(
        `${catalog!.site.url}/logement-social/lieux/${structure.id.split('--')[1]}/`,
      );
    }
  });
});
