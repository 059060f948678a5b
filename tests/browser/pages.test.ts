import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveDist } from '../../scripts/static-server.mjs';
import { projectRoot } from '../helpers/build';
import { launchChromium } from '../helpers/browser';
import { htmlFiles } from '../helpers/dist';

/**
 * Every page of the sitemap (and the 404 page), in real Chromium, served with the headers of
 * _headers, at a phone's and a desktop's width: WCAG 2.0/2.1 A and AA rules (axe), no request
 * outside 127.0.0.1, no cookie, no storage, no CSP violation or script error, no horizontal
 * scrolling, text that survives 200 % text size and 200/400 % zoom, and a keyboard path that
 * starts with a skip link and always shows where the focus is.
 */

const dist = inject('distWithBase');
const base = '/logement-social/';
const widths = [360, 1280] as const;
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Pages photographed at both widths for a person to look at (CI artifacts, not committed). */
const screenshotPages = ['', 'ou-s-adresser/', 'communes/henin-beaumont/', 'lieux/mairie-carvin/', 'infos/faire-sa-demande/', 'recherche/', 'plaquette/'];
const screenshotDir = join(projectRoot, 'test-results', 'screenshots');

const sitemap = await readFile(join(dist, 'sitemap-0.xml'), 'utf8');
/** Paths below the base, as the sitemap lists them ("" is the home page). */
const pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => {
  const { pathname } = new URL(m[1]!);
  if (!pathname.startsWith(base)) throw new Error(`sitemap-0.xml : ${m[1]} n’est pas sous la base ${base}`);
  return decodeURIComponent(pathname.slice(base.length));
});
pages.push('404.html');

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveDist({ root: dist, base })]);
  await mkdir(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('le plan du site XML liste toutes les pages construites : aucune n’échappe aux contrôles', async () => {
  const built = (await htmlFiles(dist)).map((file) => file.replace(/(^|\/)index\.html$/, '$1'));
  expect(built.filter((page) => !pages.includes(page))).toEqual([]);
});

/**
 * Opens a page in a fresh context (no cookie or storage shared with other pages) and records
 * what must never happen: a request to another host, a CSP violation, a script error.
 */
async function open(path: string) {
  const context = await browser.newContext({ viewport: { width: widths[0], height: 800 }, locale: 'fr-FR', serviceWorkers: 'block' });
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:') return route.continue();
    problems.push(`requête vers un autre hôte : ${route.request().resourceType()} ${url.href}`);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP: ${e.violatedDirective} a bloqué ${e.blockedURI || 'un élément en ligne'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`erreur JavaScript : ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console : ${message.text()}`);
  });
  page.on('websocket', (ws) => problems.push(`WebSocket ouverte : ${ws.url()}`));
  return { context, page, problems };
}

/** Loads (or reloads, at a new width) the page and waits for its fonts, which change the layout. */
async function load(page: Page, path: string, problems: string[]) {
  const response = await page.goto(server.url(path), { waitUntil: 'load' });
  if (response?.status() !== 200) problems.push(`réponse HTTP ${response?.status()} au lieu de 200`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

async function axeViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe.run in the page itself; the default mode finishes every run in a new
  // blank page with axe injected twice more, which made the sweep 2 to 3 times slower. The site
  // has no iframes, where the default mode would matter.
  const { violations } = await new AxeBuilder({ page }).withTags(axeTags).options({ resultTypes: ['violations'] }).setLegacyMode(true).analyze();
  return violations.flatMap((v) =>
    v.nodes.map((n) => `axe ${v.id} (${v.impact}) : ${v.help} — ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`),
  );
}

async function privacy(context: BrowserContext, page: Page): Promise<string[]> {
  const problems = (await context.cookies()).map((c) => `cookie déposé : ${c.name} (${c.domain})`);
  const storage = await page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]);
  for (const key of storage) problems.push(`stockage local utilisé : ${key}`);
  return problems;
}

/** Horizontal overflow and clipped text at the current viewport (runs in the page). */
function layoutProblems(label: string) {
  const problems: string[] = [];
  const root = document.documentElement;
  const describe = (el: Element) =>
    el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + [...el.classList].map((c) => `.${c}`).join('') + ` « ${(el.textContent ?? '').trim().slice(0, 40)} »`;
  if (root.scrollWidth > root.clientWidth + 1) problems.push(`${label} : défilement horizontal (${root.scrollWidth} px de contenu pour ${root.clientWidth} px d’écran)`);
  const scrollsSideways = (el: Element) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true;
    }
    return false;
  };
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.visually-hidden, .skip-link, [hidden], script, style, template')) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const clips = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY);
    if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) problems.push(`${label} : texte rogné dans ${describe(el)}`);
    const rect = el.getBoundingClientRect();
    if (rect.width > 0 && rect.right > root.clientWidth + 1 && !scrollsSideways(el)) problems.push(`${label} : ${describe(el)} dépasse de l’écran (${Math.round(rect.right)} px)`);
  }
  return problems;
}

/** Font size of every element that holds text of its own, with a way to name it (runs in the page). */
function textSizes(): [number, string][] {
  return [...document.body.querySelectorAll('*')].map((el) => {
    const text = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent!.trim()).join(' ').trim();
    const name = `${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join('')} « ${text.slice(0, 30)} »`;
    return [text ? parseFloat(getComputedStyle(el).fontSize) : 0, name];
  });
}

async function zoom(page: Page): Promise<string[]> {
  const problems: string[] = [];
  // Text-only zoom (the browser's or the phone's "font size" setting): the root size doubles.
  const before = await page.evaluate(textSizes);
  const bodySize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  const after = await page.evaluate(textSizes);
  const stuck = before.filter(([size], i) => size > 0 && after[i]![0] < Math.min(2 * size, 2 * bodySize) - 0.5);
  for (const [size, name] of stuck.slice(0, 5)) problems.push(`texte à 200 % : ${name} reste à ${size} px, il ne suit pas la taille de texte choisie (taille fixée en px ?)`);
  if (stuck.length > 5) problems.push(`texte à 200 % : et ${stuck.length - 5} autre(s) élément(s)`);
  problems.push(...(await page.evaluate(layoutProblems, 'texte à 200 %')));
  await page.evaluate(() => document.documentElement.style.removeProperty('font-size'));
  // Page zoom: at 200 % and 400 % a 1280 px window lays the page out in 640 and 320 CSS pixels.
  for (const [percent, width] of [[200, 640], [400, 320]] as const) {
    await page.setViewportSize({ width, height: 400 });
    problems.push(...(await page.evaluate(layoutProblems, `zoom ${percent} %`)));
  }
  return problems;
}

async function keyboard(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const rect = el?.getBoundingClientRect();
    return {
      skip: el?.matches('a.skip-link') ?? false,
      html: el?.outerHTML.slice(0, 80) ?? 'rien',
      href: el?.getAttribute('href') ?? '',
      visible: !!rect && rect.width > 0 && rect.top >= 0 && rect.bottom <= innerHeight,
    };
  });
  if (!first.skip) problems.push(`clavier : le premier élément atteint par Tab n’est pas le lien d’évitement mais ${first.html}`);
  else {
    if (!first.visible) problems.push('clavier : le lien d’évitement reste invisible quand il a le focus');
    await page.keyboard.press('Enter');
    const target = await page.evaluate(() => document.activeElement?.id ?? '');
    if (`#${target}` !== first.href) problems.push(`clavier : le lien d’évitement (${first.href}) ne place pas le focus sur le contenu (focus sur #${target})`);
  }
  // Keyboard modality is now on: focusing each control shows its :focus-visible style.
  problems.push(
    ...(await page.evaluate(() => {
      const found: string[] = [];
      const luminance = (rgb: number[]) => {
        const [r, g, b] = rgb.map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const rgba = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
      const backgroundOf = (el: Element | null) => {
        for (; el; el = el.parentElement) {
          const c = rgba(getComputedStyle(el).backgroundColor);
          if (c.length >= 3 && (c[3] ?? 1) > 0) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const focusables = document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])');
      for (const el of focusables) {
        if (el.closest('[hidden], [inert]') || el.getClientRects().length === 0 || el.tabIndex < 0) continue;
        el.focus();
        if (document.activeElement !== el) continue;
        const style = getComputedStyle(el);
        const name = `${el.tagName.toLowerCase()} « ${(el.textContent || el.getAttribute('aria-label') || el.id).trim().slice(0, 40)} »`;
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && (rgba(style.outlineColor)[3] ?? 1) > 0;
        if (!el.matches(':focus-visible') || (!outline && style.boxShadow === 'none')) {
          found.push(`clavier : aucun indicateur de focus visible sur ${name}`);
          continue;
        }
        if (outline) {
          const [a, b] = [luminance(rgba(style.outlineColor).slice(0, 3)), luminance(backgroundOf(el.parentElement))];
          const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          if (ratio < 3) found.push(`clavier : le contour de focus de ${name} contraste trop peu avec le fond (${ratio.toFixed(2)}:1, il faut 3:1)`);
        }
      }
      return found;
    })),
  );
  return problems;
}

/**
 * Everything above, for one page, at each width in turn (one context, reloaded from the cache
 * at the second width so that focus and scroll start afresh). Returns what went wrong.
 */
async function check(path: string): Promise<string[]> {
  const { context, page, problems } = await open(path);
  try {
    for (const width of widths) {
      const found: string[] = [];
      await page.setViewportSize({ width, height: 800 });
      await load(page, path, found);
      found.push(...(await axeViolations(page)));
      if (width === 360) found.push(...(await page.evaluate(layoutProblems, 'mise en page')));
      if (screenshotPages.includes(path)) {
        const name = `${path.replace(/\/$/, '').replace(/\//g, '-') || 'accueil'}-${width}.png`;
        await page.screenshot({ path: join(screenshotDir, name), fullPage: true });
      }
      found.push(...(await keyboard(page)));
      if (width === 1280) found.push(...(await zoom(page)));
      problems.push(...found.map((problem) => `${width} px · ${problem}`));
    }
    // Cookies and storage, after everything a visitor could have done on the page.
    problems.push(...(await privacy(context, page)));
  } finally {
    await context.close();
  }
  return [...new Set(problems)];
}

/** Two pages at a time: on two cores, more only makes each page slower. */
const parallelPages = Number(process.env.SAI_BROWSER_PARALLEL ?? 2);
let running = 0;
const waiting: (() => void)[] = [];
async function inTurn<T>(task: () => Promise<T>): Promise<T> {
  if (running < parallelPages) running++;
  else await new Promise<void>((resolve) => waiting.push(resolve)); // the slot is handed over
  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

describe.concurrent(`chaque page, à ${widths.join(' et à ')} px de large`, () => {
  for (const path of pages) {
    it(`/${path}`, async ({ expect }) => {
      const problems = await inTurn(() => check(path));
      expect(problems, `/${path}`).toEqual([]);
    });
  }
});
