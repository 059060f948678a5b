import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { productionGate } from '../../scripts/production-gate.ts';
import {
  formatLegalGate,
  isProductionBuild,
  legalRequirements,
  missingLegalItems,
} from '../../src/domain/legal-gate.ts';
import { frenchSpacing } from '../../src/domain/references.ts';
import { siteSchema } from '../../src/schemas/site.ts';
import { projectRoot } from '../harness.ts';

const fixtures = join(projectRoot, 'tests/fixtures/legal-gate');
const complete = join(fixtures, 'complete');
const incomplete = join(fixtures, 'incomplete');

async function rawSite(dir: string): Promise<Record<string, unknown>> {
  return parse(await readFile(join(dir, 'site.yaml'), 'utf8')) as Record<string, unknown>;
}

/** The complete fixture without one field ("host.phone", or "accessibility.contactEmail ou accessibility.contactUrl": both). */
function without(raw: Record<string, unknown>, field: string): Record<string, unknown> {
  const copy = structuredClone(raw);
  for (const path of field.split(' ou ')) {
    const [group, key] = path.split('.') as [string, string];
    delete (copy[group] as Record<string, unknown>)[key];
  }
  return copy;
}

/** A content folder holding only this site.yaml: the gate reads nothing else. */
async function siteDir(raw: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sai-legal-gate-'));
  await writeFile(join(dir, 'site.yaml'), stringify(raw));
  return dir;
}

describe('la construction pour la mise en ligne (pages légales complètes)', () => {
  it('passe quand tout ce que la loi exige est donné', async () => {
    const site = siteSchema.parse(await rawSite(complete));
    expect(missingLegalItems(site)).toEqual([]);
    expect(await productionGate(complete, ['--production'])).toBeNull();
  });

  it('s’arrête sur chaque information manquante, une à une, en nommant le champ et le texte', async () => {
    const raw = await rawSite(complete);
    const fields = [...new Set(legalRequirements.map((r) => r.field))];
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) {
      const site = siteSchema.parse(without(raw, field));
      const missing = missingLegalItems(site);
      // Only that field is reported (host.name answers both the LCEN and GDPR art. 13.1.e).
      expect(missing.length, field).toBeGreaterThan(0);
      expect(new Set(missing.map((m) => m.field)), field).toEqual(new Set([field]));
      const dir = await siteDir(without(raw, field));
      try {
        const message = await productionGate(dir, ['--production']);
        expect(message, field).toContain(`- ${field}\u00a0:`);
        for (const item of missing) expect(message).toContain(frenchSpacing(item.label));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  });

  it('accepte l’un ou l’autre moyen de signaler un défaut d’accessibilité', async () => {
    const raw = await rawSite(complete);
    const accessibility = raw.accessibility as Record<string, unknown>;
    delete accessibility.contactEmail;
    accessibility.contactUrl = 'https://www.exemple.fr/contact';
    expect(missingLegalItems(siteSchema.parse(raw))).toEqual([]);
  });

  it('liste tout, groupé par texte (LCEN, RGPD article 13, décret 2019-768), quand site.yaml demande la mise en ligne', async () => {
    const message = await productionGate(incomplete, []);
    expect(message).not.toBeNull();
    for (const requirement of legalRequirements)
      expect(message).toContain(frenchSpacing(`- ${requirement.field} : ${requirement.label}`));
    expect(message).toMatch(/LCEN[\s\S]*RGPD[\s\S]*décret n° 2019-768/);
    expect(message).toContain('tests/fixtures/legal-gate/incomplete/site.yaml');
  });

  it('ne gêne pas une construction ordinaire : sans --production ni production: true, rien ne s’arrête', async () => {
    const raw = await rawSite(incomplete);
    delete raw.production;
    const dir = await siteDir(raw);
    try {
      expect(await productionGate(dir, [])).toBeNull();
      expect(await productionGate(dir, ['--production'])).not.toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(isProductionBuild({ production: false }, ['--base', '/'])).toBe(false);
    expect(isProductionBuild({ production: true }, [])).toBe(true);
  });

  it('laisse au contrôle du contenu un site.yaml illisible', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sai-legal-gate-'));
    try {
      await writeFile(join(dir, 'site.yaml'), 'url: [pas fini\n');
      expect(await productionGate(dir, ['--production'])).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('npm run build -- --production s’arrête avant de construire, et laisse le site précédent en place', async () => {
    const work = await mkdtemp(join(tmpdir(), 'sai-legal-gate-build-'));
    const out = join(work, 'dist');
    try {
      await cp(incomplete, join(work, 'content'), { recursive: true });
      const result = spawnSync(process.execPath, [join(projectRoot, 'scripts/build.ts'), '--production'], {
        cwd: projectRoot,
        env: { ...process.env, SAI_CONTENT_DIR: join(work, 'content'), SAI_OUT_DIR: out },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('Construction pour la mise en ligne refusée');
      expect(result.stderr).toContain('publisher.director');
      // astro build never started: it prints its own banner on stdout, and would create the temporary folder.
      expect(result.stdout).not.toMatch(/astro|building/i);
      expect(existsSync(out)).toBe(false);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  it('formate un message en français qui dit où écrire', () => {
    const text = formatLegalGate(legalRequirements.slice(0, 1), 'content/site.yaml');
    expect(text).toContain('1 information(s) exigée(s) par la loi manque(nt) dans content/site.yaml');
    expect(text).toContain('Ajoutez ces champs dans content/site.yaml');
  });
});
