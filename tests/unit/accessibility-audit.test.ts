import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referentialSchema } from '../../src/schemas/referential.ts';
import { criteriaOf, levelOf, readReferential, type Referential } from '../../src/domain/referential.ts';
import {
  buildGrid,
  conformityStatus,
  criterionStatus,
  mergeCell,
  missingResults,
  ratePercent,
  type ManualTheme,
  assistiveTechnologyCriteria,
  assistiveTechnologySummary,
  auditOpenData,
  declarationView,
  screenReaderEnvironments,
  withAssistiveTechnology,
} from '../../src/domain/accessibility-audit.ts';
import type { AuditPage, AuditStatus, ManualCriterion } from '../../src/schemas/accessibility-audit.ts';
import { projectRoot } from '../harness.ts';

function referentialFile(path: string): Referential {
  const data = referentialSchema.parse(JSON.parse(readFileSync(join(projectRoot, path), 'utf8')));
  return readReferential(
    path
      .split('/')
      .pop()!
      .replace(/\.json$/, ''),
    data,
  );
}

describe('le référentiel RGAA 4.1.2 (fichier officiel)', () => {
  const rgaa = referentialFile('content/data/referentials/rgaa-4.1.2.json');
  const criteria = criteriaOf(rgaa);

  it('a 13 thèmes, 106 critères, 258 tests, 77 de niveau A et 29 de niveau AA', () => {
    expect(rgaa.themes).toHaveLength(13);
    expect(criteria).toHaveLength(106);
    expect(criteria.flatMap((c) => c.tests)).toHaveLength(258);
    expect(criteria.filter((c) => c.level === 'A')).toHaveLength(77);
    expect(criteria.filter((c) => c.level === 'AA')).toHaveLength(29);
    expect(rgaa.themes.map((t) => t.criteria.length)).toEqual([9, 2, 3, 13, 8, 2, 5, 10, 4, 14, 13, 11, 12]);
  });

  it('numérote les critères et les tests comme le RGAA', () => {
    expect(criteria[0]).toMatchObject({ id: '1.1', theme: 1, level: 'A' });
    expect(criteria[0]!.tests.map((t) => t.id)).toEqual([
      '1.1.1',
      '1.1.2',
      '1.1.3',
      '1.1.4',
      '1.1.5',
      '1.1.6',
      '1.1.7',
      '1.1.8',
    ]);
    expect(criteria.find((c) => c.id === '3.2')).toMatchObject({ level: 'AA' });
    expect(rgaa.themes[10]!.title).toBe('Formulaires');
  });

  it('prend le niveau le plus haut cité dans les références WCAG', () => {
    expect(levelOf(['1.1.1 Non-text Content (A)', '1.4.3 Contrast (Minimum) (AA)'])).toBe('AA');
    expect(levelOf(['2.4.2 Page Titled (A)'])).toBe('A');
  });

  it('lit un autre référentiel de même forme sans changer le code (RGAA 5 plus tard)', () => {
    const other = referentialFile('tests/fixtures/editors/base/data/referentials/rgaa-test.json');
    expect(other.id).toBe('rgaa-test');
    expect(criteriaOf(other).map((c) => `${c.id} ${c.level}`)).toEqual(['1.1 A', '1.2 AA', '2.1 A']);
  });
});

const referential: Referential = referentialFile('tests/fixtures/editors/base/data/referentials/rgaa-test.json');
const pages: AuditPage[] = [
  { id: 'accueil', title: 'Accueil', url: '/' },
  { id: 'lieu', title: 'Un lieu', url: '/lieux/x/' },
];
function manual(id: string, results: Record<string, AuditStatus>): ManualCriterion {
  return { id, results, evidence: 'constat', method: 'méthode', checked: '2026-11-29' };
}
function themes(results: Record<string, Record<string, AuditStatus>>): ManualTheme[] {
  const byTheme = new Map<number, ManualCriterion[]>();
  for (const [id, r] of Object.entries(results)) {
    const theme = Number(id.split('.')[0]);
    byTheme.set(theme, [...(byTheme.get(theme) ?? []), manual(id, r)]);
  }
  return [...byTheme].map(([theme, criteria]) => ({ theme, criteria }));
}

describe('la règle de fusion et le taux', () => {
  it('un critère NC sur une seule page est NC', () => {
    const grid = buildGrid({
      referential,
      pages,
      manual: themes({ '1.1': { accueil: 'C', lieu: 'NC' }, '1.2': { '*': 'C' }, '2.1': { '*': 'C' } }),
      automated: [],
    });
    expect(grid.criteria.map((c) => c.status)).toEqual(['NC', 'C', 'C']);
    expect(grid.rate).toEqual({ met: 2, applicable: 3 });
  });

  it('un critère NA sur toutes les pages est NA, et sort du taux', () => {
    const grid = buildGrid({
      referential,
      pages,
      manual: themes({ '1.1': { '*': 'NA' }, '1.2': { accueil: 'C', lieu: 'NA' }, '2.1': { '*': 'C' } }),
      automated: [],
    });
    expect(grid.criteria.map((c) => c.status)).toEqual(['NA', 'C', 'C']);
    expect(grid.rate).toEqual({ met: 2, applicable: 2 });
    expect(grid.complete).toBe(true);
    expect(grid.status).toBe('totalement conforme');
  });

  it('une grille incomplète est non conforme, même sans aucun NC', () => {
    const grid = buildGrid({
      referential,
      pages,
      manual: themes({ '1.1': { accueil: 'C' }, '1.2': { '*': 'C' } }),
      automated: [],
    });
    expect(grid.complete).toBe(false);
    expect(grid.criteria.map((c) => c.status)).toEqual(['NT', 'C', 'NT']);
    expect(grid.rate).toEqual({ met: 1, applicable: 1 });
    expect(grid.status).toBe('non conforme');
    expect(missingResults(grid)).toEqual([
      { theme: 1, title: 'Images', criteria: [{ id: '1.1', pages: ['lieu'] }] },
      { theme: 2, title: 'Cadres', criteria: [{ id: '2.1', pages: ['accueil', 'lieu'] }] },
    ]);
  });

  it('un échec automatique rend la page NC, même si le résultat manuel dit C ou manque', () => {
    const automated = [
      {
        tool: 'axe-core 4.13.0',
        pages: {
          lieu: {
            '1.1': [{ check: 'axe:image-alt', tests: ['1.1.1'], outcome: 'fail' as const, detail: 'img sans alt' }],
          },
        },
      },
    ];
    const grid = buildGrid({
      referential,
      pages,
      manual: themes({ '1.1': { '*': 'C' }, '1.2': { '*': 'C' }, '2.1': { '*': 'C' } }),
      automated,
    });
    expect(grid.criteria[0]!.cells.lieu).toMatchObject({ status: 'NC', manual: 'C' });
    expect(grid.criteria[0]!.status).toBe('NC');
    expect(mergeCell(undefined, [{}])).toBe('NC');
    expect(mergeCell('C', [])).toBe('C');
    expect(mergeCell(undefined, [])).toBeUndefined();
    // A pass or a finding to review changes nothing.
    const passes = [
      {
        tool: 'axe',
        pages: {
          lieu: {
            '1.1': [
              { check: 'axe:image-alt', tests: ['1.1.1'], outcome: 'pass' as const },
              { check: 'axe:x', tests: ['1.1.1'], outcome: 'review' as const },
            ],
          },
        },
      },
    ];
    expect(
      buildGrid({
        referential,
        pages,
        manual: themes({ '1.1': { '*': 'C' }, '1.2': { '*': 'C' }, '2.1': { '*': 'C' } }),
        automated: passes,
      }).status,
    ).toBe('totalement conforme');
  });

  it('« * » vaut pour toutes les pages non citées', () => {
    const grid = buildGrid({
      referential,
      pages,
      manual: themes({ '1.1': { '*': 'NA', lieu: 'C' }, '1.2': { '*': 'C' }, '2.1': { '*': 'C' } }),
      automated: [],
    });
    expect(grid.criteria[0]!.cells).toMatchObject({ accueil: { status: 'NA' }, lieu: { status: 'C' } });
  });

  it('totalement conforme seulement à 100 % d’une grille complète ; partiellement dès 50 % ; en comptant, sans arrondir', () => {
    expect(conformityStatus({ met: 3, applicable: 3 }, true)).toBe('totalement conforme');
    expect(conformityStatus({ met: 3, applicable: 3 }, false)).toBe('non conforme');
    // 105/106 rounds to 99 % and 211/212 to 100 %: neither is totally compliant.
    expect(conformityStatus({ met: 211, applicable: 212 }, true)).toBe('partiellement conforme');
    expect(Math.round((211 / 212) * 100)).toBe(100);
    expect(ratePercent({ met: 211, applicable: 212 })).toBe(99);
    expect(conformityStatus({ met: 1, applicable: 2 }, true)).toBe('partiellement conforme');
    // 49.5 % rounds to 50 % but is below half.
    expect(conformityStatus({ met: 99, applicable: 200 }, true)).toBe('non conforme');
    expect(Math.round((99 / 200) * 100)).toBe(50);
  });

  it('décide chaque critère sur l’échantillon', () => {
    expect(criterionStatus(['NA', 'NA'])).toBe('NA');
    expect(criterionStatus(['C', 'NA'])).toBe('C');
    expect(criterionStatus(['C', 'NC'])).toBe('NC');
    expect(criterionStatus(['NC', undefined])).toBe('NC');
    expect(criterionStatus(['C', undefined])).toBe('NT');
  });
});

describe('l’audit dans le contenu : état du site et rapport du contenu', () => {
  it('calcule l’état depuis les fichiers de l’audit, et liste les résultats manquants dans le rapport', async () => {
    const { loadContent } = await import('../../src/content-loader/load.ts');
    const { contentWithMistake } = await import('../helpers/fixtures.ts');
    const { contentReport } = await import('../../src/domain/report.ts');
    const { accessibilityStatus, gridOf } = await import('../../src/domain/accessibility-audit.ts');
    const { root, contentDir } = await contentWithMistake(undefined);
    const { catalog } = await loadContent(contentDir, root, { sourceRoot: projectRoot });
    expect(gridOf(catalog!)).toMatchObject({
      complete: true,
      rate: { met: 1, applicable: 1 },
      status: 'totalement conforme',
    });
    const title = 'Audit d’accessibilité (RGAA)';
    expect(contentReport(catalog!, '2026-11-29').find((s) => s.title.startsWith(title))!.todo).toEqual([]);

    const partial = { ...catalog!, accessibilityManual: catalog!.accessibilityManual!.filter((t) => t.theme === 1) };
    expect(accessibilityStatus(partial)).toBe('non conforme');
    expect(contentReport(partial, '2026-11-29').find((s) => s.title.startsWith(title))!.todo).toEqual([
      'Thème 2 (Cadres) : fichier manual/theme-02.yaml absent, 1 critère(s) × 3 pages sans résultat',
    ]);
    expect(accessibilityStatus({ ...catalog!, accessibilityAudit: undefined })).toBe('non conforme');
  });
});

describe('les critères vérifiés avec une technologie d’assistance', () => {
  const journey = (outcome: 'pass' | 'fail', criteria = ['1.2'], journeyPages = ['lieu']) => ({
    journey: 'parcours',
    title: 'Un parcours',
    assistiveTechnology: 'Orca 43.1',
    browser: 'Chromium 156.0.8078.129',
    pages: journeyPages,
    criteria,
    outcome,
    date: '2026-12-06',
  });
  const allMet = themes({ '1.1': { '*': 'C' }, '1.2': { '*': 'C' }, '2.1': { '*': 'NA' } });
  const input = { referential, pages, manual: allMet, automated: [], assistiveTechnologyCriteria: ['1.2'] };

  it('sans parcours, un critère conforme par ailleurs n’est pas compté comme respecté, mais compte comme applicable', () => {
    const grid = buildGrid({ ...input, screenReader: [] });
    const item = grid.criteria.find((c) => c.criterion.id === '1.2')!;
    expect([item.status, item.waitsForAssistiveTechnology, item.assistiveTechnology]).toEqual(['NT', true, []]);
    expect(grid.rate).toEqual({ met: 1, applicable: 2 });
    // Every manual result is there: the audit is complete, the site only partly compliant.
    expect([grid.complete, grid.status]).toEqual([true, 'partiellement conforme']);
    const view = declarationView(grid);
    expect(view.waitingForAssistiveTechnology.map((c) => c.id)).toEqual(['1.2']);
    const row = view.themes[0]!.rows.find((r) => r.id === '1.2')!;
    expect(row.label).toBe('pas vérifié avec une technologie d’assistance');
    expect(row.assistiveTechnology).toMatch(/pas vérifiée, le critère ne peut donc pas être compté comme respecté/);
    // Criteria the RGAA does not check with an assistive technology say so (no summary).
    expect(view.themes[0]!.rows.find((r) => r.id === '1.1')!.assistiveTechnology).toBeUndefined();
  });

  it('un parcours réussi qui le vérifie le rend respecté, et la grille dit avec quoi', () => {
    const grid = buildGrid({ ...input, screenReader: [journey('pass')] });
    expect(grid.criteria.map((c) => c.status)).toEqual(['C', 'C', 'NA']);
    expect([grid.rate, grid.status]).toEqual([{ met: 2, applicable: 2 }, 'totalement conforme']);
    const item = grid.criteria.find((c) => c.criterion.id === '1.2')!;
    expect(assistiveTechnologySummary(item, pages)).toBe(
      'Restitution vérifiée avec Orca 43.1 et Chromium 156.0.8078.129, parcours au clavier « Un parcours » (réussi, 2026-12-06, pages : Un lieu).',
    );
    expect(
      auditOpenData(grid, { date: '2026-11-29', auditor: 'nous' } as never, 'https://exemple.fr', '/').criteria[1]!
        .assistiveTechnology,
    ).toEqual([
      {
        journey: 'parcours',
        with: 'Orca 43.1 et Chromium 156.0.8078.129',
        pages: ['lieu'],
        passed: true,
        date: '2026-12-06',
      },
    ]);
  });

  it('un parcours échoué rend le critère non conforme sur ses pages, même si un autre a réussi', () => {
    const grid = buildGrid({ ...input, screenReader: [journey('pass', ['1.2'], ['accueil']), journey('fail')] });
    const item = grid.criteria.find((c) => c.criterion.id === '1.2')!;
    expect([item.status, item.cells.lieu!.status, item.cells.accueil!.status]).toEqual(['NC', 'NC', 'C']);
    expect(grid.status).toBe('partiellement conforme');
  });

  it('un parcours ne concerne que ses critères ; un critère non applicable n’attend rien', () => {
    const grid = buildGrid({
      ...input,
      manual: themes({ '1.1': { '*': 'C' }, '1.2': { '*': 'NA' }, '2.1': { '*': 'NA' } }),
      screenReader: [journey('fail', ['1.1'])],
    });
    expect(grid.criteria.map((c) => c.status)).toEqual(['C', 'NA', 'NA']);
    expect(grid.criteria[1]!.waitsForAssistiveTechnology).toBeUndefined();
  });

  it('la règle seule', () => {
    const check = (passed: boolean) => ({
      journey: 'j',
      title: 't',
      with: 'Orca',
      pages: [],
      passed,
      date: '2026-12-06',
    });
    expect(withAssistiveTechnology('C', [])).toEqual({ status: 'NT', waiting: true });
    expect(withAssistiveTechnology('C', [check(true)])).toEqual({ status: 'C', waiting: false });
    expect(withAssistiveTechnology('C', [check(true), check(false)])).toEqual({ status: 'NC', waiting: false });
    expect(withAssistiveTechnology('NA', [])).toEqual({ status: 'NA', waiting: false });
    expect(withAssistiveTechnology('NC', [])).toEqual({ status: 'NC', waiting: false });
    expect(withAssistiveTechnology('NT', [])).toEqual({ status: 'NT', waiting: false });
  });

  it('le RGAA 4.1.2 en nomme la liste ; un autre référentiel n’en a pas par défaut', () => {
    expect(assistiveTechnologyCriteria['rgaa-4.1.2']).toEqual(
      expect.arrayContaining(['7.1', '7.5', '9.2', '11.1', '11.10']),
    );
    expect(
      buildGrid({ referential, pages, manual: allMet, automated: [] }).criteria.every(
        (c) => c.assistiveTechnology === undefined,
      ),
    ).toBe(true);
  });

  it('l’environnement de test : chaque combinaison une fois, avec sa dernière date', () => {
    const env = (date: string, browser = 'Chromium 156') => ({
      assistiveTechnology: 'Orca 43.1',
      browser,
      operatingSystem: 'Debian 12',
      date,
    });
    expect(screenReaderEnvironments([env('2026-12-01'), env('2026-12-06'), env('2026-12-02', 'Chromium 157')])).toEqual(
      [env('2026-12-06'), env('2026-12-02', 'Chromium 157')],
    );
  });
});
