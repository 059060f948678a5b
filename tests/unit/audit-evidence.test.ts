import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { automatedEvidenceSchema } from '../../src/schemas/accessibility-audit.ts';
import {
  axeEvidence,
  distFileOf,
  evidenceDifferences,
  evidenceFile,
  evidenceMismatchMessage,
  htmlEvidence,
  nuEvidence,
  serializeEvidence,
  sweepPathOf,
  type PageEvidence,
} from '../../src/domain/audit-evidence.ts';
import { projectRoot } from '../harness.ts';

const fixture = (name: string) => readFileSync(join(projectRoot, 'tests/fixtures/accessibility-audit', name), 'utf8');
const outcomes = (evidence: PageEvidence) =>
  Object.fromEntries(Object.entries(evidence).flatMap(([, findings]) => findings.map((f) => [f.check, f.outcome])));

describe('les preuves lues dans le HTML construit', () => {
  it('une page correcte passe chaque contrôle (SVG, script, commentaire et exceptions du RGAA compris)', () => {
    const evidence = htmlEvidence(fixture('conforming.html'));
    expect(outcomes(evidence)).toEqual({
      'html:doctype': 'pass',
      'html:lang': 'pass',
      'html:lang-code': 'pass',
      'html:title': 'pass',
      'html:presentational-elements': 'pass',
      'html:presentational-attributes': 'pass',
      'html:field-label': 'pass',
      'html:label-for': 'pass',
    });
    // No frame on the page: criterion 2.1 has nothing recorded.
    expect(Object.keys(evidence)).toEqual(['8.1', '8.3', '8.4', '8.5', '10.1', '11.1']);
  });

  it('une page fautive échoue, et l’échec dit quoi', () => {
    const evidence = htmlEvidence(fixture('presentational.html'));
    expect(outcomes(evidence)).toMatchObject({
      'html:doctype': 'pass',
      'html:lang': 'fail',
      'html:title': 'fail',
      'html:presentational-elements': 'fail',
      'html:presentational-attributes': 'fail',
      'html:frame-title': 'fail',
      'html:field-label': 'fail',
      'html:label-for': 'fail',
    });
    expect(evidence['10.1']!.find((f) => f.check === 'html:presentational-elements')!.detail).toBe(
      'balise <center> ; balise <font>',
    );
    expect(evidence['10.1']!.find((f) => f.check === 'html:presentational-attributes')!.detail).toContain(
      'attribut color sur <font> ; attribut border sur <table>',
    );
    expect(evidence['11.1']!.find((f) => f.check === 'html:field-label')!.detail).toBe(
      'champ sans étiquette <input name="nom"> ; champ sans étiquette <textarea id="t">',
    );
    expect(htmlEvidence('<html lang="fr"><title>x</title></html>')['8.1']![0]!.outcome).toBe('fail');
  });

  it('range les règles d’axe-core sous les critères de leurs étiquettes RGAA-x.y.z', () => {
    const evidence = axeEvidence([
      {
        rule: 'image-alt',
        tags: ['wcag2a', 'RGAAv4', 'RGAA-1.1.1'],
        outcome: 'passes',
        help: 'Images must have alternative text',
        nodes: 3,
      },
      {
        rule: 'color-contrast',
        tags: ['RGAAv4', 'RGAA-3.2.1'],
        outcome: 'violations',
        help: 'Elements must meet minimum color contrast ratio thresholds',
        nodes: 2,
      },
      {
        rule: 'x',
        tags: ['RGAAv4', 'RGAA-11.1.1', 'RGAA-11.2.1', 'RGAA-11.1.2'],
        outcome: 'incomplete',
        help: 'x',
        nodes: 1,
      },
      { rule: 'not-rgaa', tags: ['best-practice'], outcome: 'violations', help: 'y', nodes: 1 },
      { rule: 'frame-title', tags: ['RGAAv4', 'RGAA-2.1.1'], outcome: 'inapplicable', help: 'z', nodes: 0 },
    ]);
    expect(evidence).toEqual({
      '1.1': [{ check: 'axe:image-alt', tests: ['1.1.1'], outcome: 'pass' }],
      '3.2': [
        {
          check: 'axe:color-contrast',
          tests: ['3.2.1'],
          outcome: 'fail',
          detail: 'Elements must meet minimum color contrast ratio thresholds (2 éléments)',
        },
      ],
      '11.1': [{ check: 'axe:x', tests: ['11.1.1', '11.1.2'], outcome: 'review' }],
      '11.2': [{ check: 'axe:x', tests: ['11.2.1'], outcome: 'review' }],
    });
    expect(nuEvidence([])['8.1']![0]!.outcome).toBe('pass');
    expect(nuEvidence(['index.html:3:4 Bad'])['8.2']![0]).toMatchObject({ outcome: 'fail', tests: ['8.2.1'] });
  });

  it('relie chaque page de l’échantillon à son fichier construit', () => {
    expect(distFileOf({ id: 'a', title: 'a', url: '/' })).toBe('index.html');
    expect(distFileOf({ id: 'a', title: 'a', url: '/infos/cotation/' })).toBe('infos/cotation/index.html');
    expect(distFileOf({ id: 'a', title: 'a', url: '/x/', errorPage: true })).toBe('404.html');
    expect(distFileOf({ id: 'a', title: 'a', url: '/plaquette/p.pdf' })).toBeUndefined();
    expect(sweepPathOf({ id: 'a', title: 'a', url: '/' })).toBe('');
    expect(sweepPathOf({ id: 'a', title: 'a', url: '/lieux/x/' })).toBe('lieux/x/');
  });
});

describe('le fichier enregistré et la comparaison avec un nouveau relevé', () => {
  const recorded = automatedEvidenceSchema.parse(JSON.parse(fixture('recorded.json')));

  it('s’écrit toujours pareil : clés dans un ordre fixe, critères par numéro', () => {
    const pages = { lieu: htmlEvidence(fixture('conforming.html')), accueil: htmlEvidence(fixture('conforming.html')) };
    const text = serializeEvidence(evidenceFile('rgaa-4.1.2', 'outil', pages));
    expect(serializeEvidence(evidenceFile('rgaa-4.1.2', 'outil', { accueil: pages.accueil, lieu: pages.lieu }))).toBe(
      text,
    );
    expect(text.indexOf('"accueil"')).toBeLessThan(text.indexOf('"lieu"'));
    expect(text.indexOf('"8.5"')).toBeLessThan(text.indexOf('"10.1"'));
    expect(JSON.parse(serializeEvidence(recorded))).toEqual(recorded);
    expect(serializeEvidence(recorded).endsWith('}\n')).toBe(true);
  });

  it('ne trouve aucune différence quand le relevé est le même', () => {
    const fresh = evidenceFile('rgaa-4.1.2', 'contrôles du HTML construit', { accueil: recorded.pages.accueil! });
    expect(evidenceDifferences(recorded, fresh)).toEqual([]);
  });

  it('échoue quand un nouveau relevé ne dit plus la même chose, et dit quoi faire', () => {
    const page = htmlEvidence(fixture('presentational.html'));
    const fresh = evidenceFile('rgaa-4.1.2', 'contrôles du HTML construit', {
      accueil: { '8.5': page['8.5']!, '10.1': page['10.1']! },
    });
    const differences = evidenceDifferences(recorded, fresh);
    expect(differences).toEqual([
      'page accueil, critère 8.5 : enregistré « html:title (8.5.1) : pass », plus trouvé',
      'page accueil, critère 8.5 : nouveau « html:title (8.5.1) : fail — pas de balise <title>, ou une balise <title> vide »',
      'page accueil, critère 10.1 : enregistré « html:presentational-attributes (10.1.2) : pass », plus trouvé',
      'page accueil, critère 10.1 : enregistré « html:presentational-elements (10.1.1) : pass », plus trouvé',
      'page accueil, critère 10.1 : nouveau « html:presentational-attributes (10.1.2) : fail — attribut color sur <font> ; attribut border sur <table> ; attribut cellpadding sur <table> ; et 2 autre(s) »',
      'page accueil, critère 10.1 : nouveau « html:presentational-elements (10.1.1) : fail — balise <center> ; balise <font> »',
    ]);
    const message = evidenceMismatchMessage('content/accessibility-audit/automated/html.json', differences);
    expect(message).toContain(
      'ne correspondent plus à content/accessibility-audit/automated/html.json (6 différences)',
    );
    expect(message).toContain('npm run audit:record');
    expect(
      evidenceDifferences(recorded, evidenceFile('rgaa-4.1.2', 'contrôles du HTML construit', {}), ['accueil']),
    ).toEqual(['page accueil : enregistrée mais absente du nouveau relevé']);
    expect(evidenceDifferences(undefined, fresh)).toEqual(['page accueil : absente du fichier enregistré']);
  });
});
