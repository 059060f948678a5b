/**
 * Runs screen-reader journeys on builds: starts the stack once (scripts/screen-reader/stack.ts), then
 * for each build serves it on 127.0.0.1 (a free port) and goes through its journeys one after the
 * other, then stops everything. Used by `npm run audit:screen-reader` and by tests/screen-reader/.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist } from '../static-server.mjs';
import type { ScreenReaderEvidenceData } from '../../src/schemas/accessibility-audit.ts';
import { runJourney, type Journey, type JourneyResult } from './journeys.ts';
import { startScreenReader, versions, type ScreenReader } from './stack.ts';

/** The base the build was made with, read from its home page (« /logement-social/ »). */
export async function baseOf(dist: string): Promise<string> {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  return /href="([^"]*\/)favicon\.svg"/.exec(html)?.[1] ?? '/';
}

export interface JourneysRun {
  results: JourneyResult[];
  versions: { orca: string; chromium: string };
  /** Seconds from the start of this build's journeys to their end (the first build's include the stack's start). */
  seconds: number;
}

async function journeysOn(sr: ScreenReader, dist: string, journeys: readonly Journey[]): Promise<JourneyResult[]> {
  const server = await serveDist({ root: dist, base: await baseOf(dist) });
  try {
    const results: JourneyResult[] = [];
    // The server's port changes from run to run: out of the transcripts, so that they compare.
    const port = new URL(server.origin).port;
    for (const journey of journeys) {
      const result = await runJourney(journey, sr, { url: server.url, dist });
      result.transcript = result.transcript.map((text) => text.replaceAll(`127.0.0.1:${port}`, '127.0.0.1'));
      results.push(result);
    }
    return results;
  } finally {
    await server.close();
  }
}

/**
 * Each build's journeys, in order, on one screen reader: starting Orca, its buses and Chromium costs
 * seconds of both cores, once rather than once per build.
 */
export async function runJourneySets(
  sets: readonly { dist: string; journeys: readonly Journey[] }[],
): Promise<JourneysRun[]> {
  let started = Date.now();
  const sr = await startScreenReader();
  try {
    const done: Omit<JourneysRun, 'versions'>[] = [];
    for (const { dist, journeys } of sets) {
      const results = await journeysOn(sr, dist, journeys);
      done.push({ results, seconds: Math.round((Date.now() - started) / 1000) });
      started = Date.now();
    }
    const found = versions();
    return done.map((run) => ({ ...run, versions: found }));
  } finally {
    await sr.close();
  }
}

export async function runJourneys(dist: string, journeys: readonly Journey[]): Promise<JourneysRun> {
  const [run] = await runJourneySets([{ dist, journeys }]);
  return run!;
}

/** What `npm run audit:screen-reader` records for one journey. */
export function evidenceOf(
  result: JourneyResult,
  run: Pick<JourneysRun, 'versions'>,
  referential: string,
  date: string,
): ScreenReaderEvidenceData {
  const heard = new Map(result.check.heard.map((h, i) => [i, h.utterance]));
  return {
    referential,
    journey: result.id,
    title: result.title,
    assistiveTechnology: run.versions.orca,
    browser: run.versions.chromium,
    operatingSystem: 'Debian GNU/Linux 12, écran virtuel Xvfb, bus d’accessibilité AT-SPI',
    date,
    pages: result.pages,
    criteria: result.criteria,
    outcome: passed(result) ? 'pass' : 'fail',
    expectations: result.expectations.map((e, i) => ({
      what: e.what,
      ...(heard.get(i) ? { heard: heard.get(i)! } : {}),
    })),
    transcript: result.transcript,
    seconds: result.seconds,
  };
}

export const passed = (result: JourneyResult) =>
  !result.error && result.check.missing.length === 0 && result.expectations.length > 0;

/** A failed journey, in French: why it stopped, what was not heard, and the end of the transcript. */
export function failureReport(result: JourneyResult): string {
  const missing = result.check.missing.map((m) => `  - ${m.what} (/${m.pattern}/)`).join('\n');
  return [
    `Parcours « ${result.title} » :`,
    result.error ? `arrêté : ${result.error}` : '',
    missing ? `pas entendu :\n${missing}` : '',
    `fin de ce qu’Orca a dit :\n${result.transcript
      .slice(-25)
      .map((t) => `  « ${t} »`)
      .join('\n')}`,
  ]
    .filter(Boolean)
    .join('\n');
}
