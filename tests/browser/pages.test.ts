import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDist } from '../../scripts/static-server.mjs';
import { projectRoot } from '../harness.ts';
import { launchChromium } from '../helpers/browser.ts';
import { htmlFiles } from '../helpers/dist.ts';
import { builtDist } from '../harness.ts';
import { checkPage, openTab, widths, type Tab } from './page-checks.ts';
import { axeEvidence, sweepPathOf, type PageEvidence } from '../../src/domain/audit-evidence.ts';
import { compareWithRecorded, readAudit, recording, writeRecorded } from '../audit/evidence-files.ts';

/**
 * Every page of the sitemap (and the 404 page), in real Chromium, served with the headers of
 * _headers, at a phone's and a desktop's width: WCAG 2.0/2.1 A and AA rules (axe), no request
 * outside 127.0.0.1, no cookie, no storage, no CSP violation or script error, no horizontal
 * scrolling, text that survives 200 % text size and 200/400 % zoom, and a keyboard path that
 * starts with a skip link and always shows where the focus is.
 *
 * One browser; one tab per core, each in a context of its own that checks one page after the
 * other, loading it once and running every check of each width on that load (page-checks.ts).
 */

const dist = await builtDist('distWithBase');
const base = '/logement-social/';
/** Pages photographed at both widths for a person to look at (CI artifacts, not committed). */
const screenshotPages = [
  '',
  'ou-s-adresser/',
  'communes/henin-beaumont/',
  'lieux/mairie-carvin/',
  'infos/faire-sa-demande/',
  'recherche/',
  'plaquette/',
];
const screenshotDir = join(projectRoot, 'test-results', 'screenshots');
const screenshotName = (path: string) => `${path.replace(/\/$/, '').replace(/\//g, '-') || 'accueil'}`;

const sitemap = await readFile(join(dist, 'sitemap-0.xml'), 'utf8');
/** Paths below the base, as the sitemap lists them ("" is the home page). */
const pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => {
  const { pathname } = new URL(m[1]!);
  if (!pathname.startsWith(base)) throw new Error(`sitemap-0.xml : ${m[1]} n’est pas sous la base ${base}`);
  return decodeURIComponent(pathname.slice(base.length));
});
pages.push('404.html');

/**
 * The accessibility audit's sample pages (content/accessibility-audit/audit.yaml), by sweep path:
 * their outcomes of axe's RGAA rules are the audit's automated evidence, compared with
 * content/accessibility-audit/automated/axe.json (written by `npm run audit:record`).
 */
const audit = await readAudit();
const samplePages = new Map(
  audit.pages.flatMap((page) => (sweepPathOf(page) === undefined ? [] : [[sweepPathOf(page)!, page.id] as const])),
);
const axeTool = `axe-core ${(createRequire(import.meta.url)('axe-core/package.json') as { version: string }).version}`;
const axeFound: Record<string, PageEvidence> = {};

/** Chromium is CPU-bound here: one tab per core; more only makes each page slower. */
const tabCount = Number(process.env.SAI_BROWSER_PARALLEL ?? availableParallelism());

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;
const idle: Tab[] = [];
const waiting: ((tab: Tab) => void)[] = [];

/** Runs the task on the first free tab, or waits for one. */
async function withTab<T>(task: (tab: Tab) => Promise<T>): Promise<T> {
  const tab = idle.pop() ?? (await new Promise<Tab>((resolve) => waiting.push(resolve)));
  try {
    return await task(tab);
  } finally {
    const next = waiting.shift();
    if (next) next(tab);
    else idle.push(tab);
  }
}

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveDist({ root: dist, base })]);
  idle.push(...(await Promise.all(Array.from({ length: tabCount }, () => openTab(browser)))));
  await mkdir(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (recording && Object.keys(axeFound).length > 0) await writeRecorded('axe', axeTool, audit, axeFound);
});

it('le plan du site XML liste toutes les pages construites : aucune n’échappe aux contrôles', async () => {
  const built = (await htmlFiles(dist)).map((file) => file.replace(/(^|\/)index\.html$/, '$1'));
  expect(built.filter((page) => !pages.includes(page))).toEqual([]);
});

describe.concurrent(`chaque page, à ${widths.join(' et à ')} px de large`, () => {
  for (const path of pages) {
    it(`/${path}`, async ({ expect }) => {
      const sampleId = samplePages.get(path);
      let rgaa: PageEvidence | undefined;
      const problems = await withTab((tab) =>
        checkPage(tab, server.url(path), {
          screenshot: screenshotPages.includes(path) ? join(screenshotDir, screenshotName(path)) : undefined,
          ...(sampleId ? { rgaa: (results) => (rgaa = axeEvidence(results)) } : {}),
        }),
      );
      if (sampleId && rgaa) {
        if (recording) axeFound[sampleId] = rgaa;
        else {
          const mismatch = await compareWithRecorded('axe', axeTool, audit, { [sampleId]: rgaa });
          if (mismatch) problems.push(mismatch);
        }
      }
      expect(problems, `/${path}`).toEqual([]);
    });
  }
});
