import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenReaderEvidenceSchema } from '../../src/schemas/accessibility-audit.ts';
import { journeys } from '../../scripts/screen-reader/journeys.ts';
import { failureReport, passed, runJourneySets } from '../../scripts/screen-reader/run.ts';
import { missingTools } from '../../scripts/screen-reader/stack.ts';
import { builtDist } from '../harness.ts';
import { projectTemp } from '../harness.ts';
import { brokenBuild } from '../fixtures/screen-reader/broken-ceilings.ts';

/**
 * Orca reads the built site in Chromium, driven by the keyboard only (scripts/screen-reader/): each
 * journey must make a person hear its title, headings, labels, messages and results, in order; the
 * recorded evidence the declaration rests on (content/accessibility-audit/screen-reader/) must still
 * hold. Then a broken copy of the ceilings page (tests/fixtures/screen-reader/) must make the
 * ceilings journey fail, once per defect. The stack starts once for all of them; the run takes minutes.
 */
const evidenceFolder = resolve('content/accessibility-audit/screen-reader');
const minutes = 60_000;
const ceilings = journeys.find((j) => j.id === 'plafonds')!;
const defects = [
  ['unlabelled', 'un champ sans étiquette', /question du revenu/],
  ['silentError', 'une erreur hors de toute zone dynamique', /message d’erreur/],
] as const;

describe('Parcours au lecteur d’écran (Orca et Chromium, clavier seul)', () => {
  it('les outils sont installés (orca, xvfb, at-spi2-core, dbus-x11, xdotool, chromium : voir .ci/run)', () => {
    expect(missingTools()).toEqual([]);
  });

  // The real build's journeys, then the ceilings journey on each broken copy, on one screen reader.
  const ready = (async () => {
    if (missingTools().length > 0) return undefined;
    const dist = await builtDist('distWithBase');
    const broken = await Promise.all(
      defects.map(async ([defect]) => brokenBuild(dist, await projectTemp(`broken-${defect}-`), defect)),
    );
    try {
      const [run, ...brokenRuns] = await runJourneySets([
        { dist, journeys },
        ...broken.map((folder) => ({ dist: folder, journeys: [ceilings] })),
      ]);
      console.log(
        `Parcours au lecteur d’écran : ${run!.seconds} s (${run!.results.map((r) => `${r.id} ${r.seconds} s`).join(', ')}), ${run!.versions.orca}, ${run!.versions.chromium}`,
      );
      return { run: run!, broken: new Map(defects.map(([defect], i) => [defect, brokenRuns[i]!.results[0]])) };
    } finally {
      await Promise.all(broken.map((folder) => rm(folder, { recursive: true, force: true })));
    }
  })();
  // Started at once, awaited by each test: a rejection is reported there, not as unhandled.
  ready.catch(() => {});

  for (const journey of journeys) {
    it(
      `« ${journey.title} » : tout ce qu’une personne doit entendre est dit, dans l’ordre`,
      { timeout: 30 * minutes },
      async () => {
        const result = (await ready)?.run.results.find((r) => r.id === journey.id);
        expect(result, 'le parcours n’a pas tourné').toBeDefined();
        expect(passed(result!), failureReport(result!)).toBe(true);

        // The evidence the declaration counts: recorded as passed, with the same expectations.
        const file = join(evidenceFolder, `${journey.id}.json`);
        expect(existsSync(file), `${file} manque : lancez « npm run audit:screen-reader »`).toBe(true);
        const recorded = screenReaderEvidenceSchema.parse(JSON.parse(await readFile(file, 'utf8')));
        expect(recorded.outcome).toBe('pass');
        expect(
          recorded.expectations.map((e) => e.what),
          `${file} ne correspond plus au parcours : relancez « npm run audit:screen-reader »`,
        ).toEqual(result!.expectations.map((e) => e.what));
        expect([recorded.pages, recorded.criteria]).toEqual([journey.pages, journey.criteria]);
      },
    );
  }

  for (const [defect, what, unheard] of defects) {
    it(
      `une page des plafonds cassée (${what}) fait échouer le parcours des plafonds`,
      { timeout: 30 * minutes },
      async () => {
        expect(missingTools()).toEqual([]);
        const result = (await ready)?.broken.get(defect);
        expect(result, 'le parcours n’a pas tourné').toBeDefined();
        expect(passed(result!)).toBe(false);
        expect(
          result!.check.missing.map((m) => m.what),
          failureReport(result!),
        ).toEqual([expect.stringMatching(unheard)]);
        // It failed where the page is broken, not earlier: the title and the first question were heard.
        expect(result!.check.heard.filter((h) => h.utterance).map((h) => h.what)).toEqual(
          expect.arrayContaining([
            expect.stringMatching(/titre de la page/),
            expect.stringMatching(/nombre de personnes/),
          ]),
        );
      },
    );
  }
});
