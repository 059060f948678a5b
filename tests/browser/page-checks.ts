import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AxeRuleResult } from '../../src/domain/audit-evidence.ts';

/**
 * The checks of the page sweep (tests/browser/pages.test.ts), each on the page as it is loaded.
 * Functions passed to page.evaluate run in the page: they may use only what they declare.
 */

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** A phone's and a desktop's width. */
export const widths = [360, 1280] as const;

/**
 * axe-core's own build, given to a context as an init script: Chromium compiles it once per
 * renderer and reuses the code on every navigation, where evaluating it after each load (what
 * @axe-core/playwright does) parses 500 kB of JavaScript again for every page and width.
 */
export const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * WCAG 2.0/2.1 A and AA violations of the loaded page, one line per element. axe runs without
 * building CSS selectors, which takes half its time; it runs again with them only when something
 * fails, to name the elements. With `rgaa` (the audit's sample pages), the same run adds axe's
 * rules tagged for the RGAA (`RGAAv4`, with their `RGAA-x.y.z` tests) and hands every such rule's
 * outcome to `rgaa`: the audit's automated evidence (src/domain/audit-evidence.ts). Only the WCAG
 * rules' violations are problems of the sweep; an RGAA rule's failure is the audit's business.
 */
export async function axeViolations(page: Page, rgaa?: (results: AxeRuleResult[]) => void): Promise<string[]> {
  const run = (selectors: boolean, withRgaa: boolean) =>
    page.evaluate(
      async ({ tags, selectors, withRgaa }) => {
        const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
        const results = await axe.run(document, {
          runOnly: { type: 'tag', values: withRgaa ? [...tags, 'RGAAv4'] : tags },
          resultTypes: ['violations'],
          selectors,
          iframes: false,
        });
        const violations = results.violations
          .filter((v) => v.tags.some((tag) => tags.includes(tag)))
          .map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.map((n) => ({ target: n.target?.join(' ') ?? '', summary: n.failureSummary ?? '' })),
          }));
        const outcomes = ['violations', 'passes', 'incomplete', 'inapplicable'] as const;
        const rgaaResults = withRgaa
          ? outcomes.flatMap((outcome) =>
              results[outcome]
                .filter((r) => r.tags.includes('RGAAv4'))
                .map((r) => ({ rule: r.id, tags: r.tags, outcome, help: r.help, nodes: r.nodes.length })),
            )
          : [];
        return { violations, rgaaResults };
      },
      { tags: axeTags, selectors, withRgaa },
    );
  const first = await run(false, rgaa !== undefined);
  rgaa?.(first.rgaaResults);
  let violations = first.violations;
  if (violations.length > 0) violations = (await run(true, false)).violations;
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `axe ${v.id} (${v.impact}) : ${v.help} — ${n.target}${n.summary ? ` — ${n.summary.replace(/\s+/g, ' ')}` : ''}`,
    ),
  );
}

/** Cookies and web storage left by the page; then clears them, so that the next page starts clean. */
export async function privacyProblems(context: BrowserContext, page: Page): Promise<string[]> {
  const problems = (await context.cookies()).map((c) => `cookie déposé : ${c.name} (${c.domain})`);
  const storage = await page.evaluate(() => {
    const keys = [...Object.keys(localStorage), ...Object.keys(sessionStorage)];
    localStorage.clear();
    sessionStorage.clear();
    return keys;
  });
  for (const key of storage) problems.push(`stockage local utilisé : ${key}`);
  await context.clearCookies();
  return problems;
}

/** Horizontal overflow and clipped text at the current viewport (runs in the page). */
export function layoutProblems(label: string) {
  const problems: string[] = [];
  const root = document.documentElement;
  const describe = (el: Element) =>
    el.tagName.toLowerCase() +
    (el.id ? `#${el.id}` : '') +
    [...el.classList].map((c) => `.${c}`).join('') +
    ` « ${(el.textContent ?? '').trim().slice(0, 40)} »`;
  if (root.scrollWidth > root.clientWidth + 1)
    problems.push(
      `${label} : défilement horizontal (${root.scrollWidth} px de contenu pour ${root.clientWidth} px d’écran)`,
    );
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
    if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
      problems.push(`${label} : texte rogné dans ${describe(el)}`);
    const rect = el.getBoundingClientRect();
    if (rect.width > 0 && rect.right > root.clientWidth + 1 && !scrollsSideways(el))
      problems.push(`${label} : ${describe(el)} dépasse de l’écran (${Math.round(rect.right)} px)`);
  }
  return problems;
}

/**
 * Text-only zoom (the browser's or the phone's "font size" setting) measured in one pass in the
 * page: the font size of every element that holds text of its own, then the root size doubled,
 * the sizes again and the layout at 200 %, then the root size restored.
 */
export function textZoomProblems(layout: typeof layoutProblems) {
  const problems: string[] = [];
  const elements = [...document.body.querySelectorAll('*')];
  const ownText = (el: Element) =>
    [...el.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent!.trim())
      .join(' ')
      .trim();
  const texts = elements.map(ownText);
  const sizes = () => elements.map((el, i) => (texts[i] ? parseFloat(getComputedStyle(el).fontSize) : 0));
  const before = sizes();
  const bodySize = parseFloat(getComputedStyle(document.body).fontSize);
  document.documentElement.style.fontSize = '200%';
  const after = sizes();
  const stuck = elements.filter((_, i) => before[i]! > 0 && after[i]! < Math.min(2 * before[i]!, 2 * bodySize) - 0.5);
  for (const el of stuck.slice(0, 5)) {
    const i = elements.indexOf(el);
    const name = `${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join('')} « ${texts[i]!.slice(0, 30)} »`;
    problems.push(
      `texte à 200 % : ${name} reste à ${before[i]} px, il ne suit pas la taille de texte choisie (taille fixée en px ?)`,
    );
  }
  if (stuck.length > 5) problems.push(`texte à 200 % : et ${stuck.length - 5} autre(s) élément(s)`);
  problems.push(...layout('texte à 200 %'));
  document.documentElement.style.removeProperty('font-size');
  return problems;
}

/** 200 % text size, then page zoom: at 200 % and 400 % a 1280 px window lays the page out in 640 and 320 CSS pixels. */
export async function zoomProblems(page: Page): Promise<string[]> {
  // The layout check travels as source: evaluate serialises only the function it is given.
  const problems = await page.evaluate(`(${textZoomProblems.toString()})(${layoutProblems.toString()})`);
  const found = [...(problems as string[])];
  for (const [percent, width] of [
    [200, 640],
    [400, 320],
  ] as const) {
    await page.setViewportSize({ width, height: 400 });
    found.push(...(await page.evaluate(layoutProblems, `zoom ${percent} %`)));
  }
  return found;
}

/**
 * The keyboard path: the first Tab reaches a visible skip link that moves the focus to the main
 * content; then every control shows a :focus-visible indicator that contrasts 3:1 with its background.
 */
export async function keyboardProblems(page: Page): Promise<string[]> {
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
  if (!first.skip)
    problems.push(`clavier : le premier élément atteint par Tab n’est pas le lien d’évitement mais ${first.html}`);
  else {
    if (!first.visible) problems.push('clavier : le lien d’évitement reste invisible quand il a le focus');
    await page.keyboard.press('Enter');
    const target = await page.evaluate(() => document.activeElement?.id ?? '');
    if (`#${target}` !== first.href)
      problems.push(
        `clavier : le lien d’évitement (${first.href}) ne place pas le focus sur le contenu (focus sur #${target})`,
      );
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
      const focusables = document.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
      );
      for (const el of focusables) {
        if (el.closest('[hidden], [inert]') || el.getClientRects().length === 0 || el.tabIndex < 0) continue;
        el.focus();
        if (document.activeElement !== el) continue;
        const style = getComputedStyle(el);
        const name = `${el.tagName.toLowerCase()} « ${(el.textContent || el.getAttribute('aria-label') || el.id).trim().slice(0, 40)} »`;
        const outline =
          style.outlineStyle !== 'none' &&
          parseFloat(style.outlineWidth) >= 2 &&
          (rgba(style.outlineColor)[3] ?? 1) > 0;
        if (!el.matches(':focus-visible') || (!outline && style.boxShadow === 'none')) {
          found.push(`clavier : aucun indicateur de focus visible sur ${name}`);
          continue;
        }
        if (outline) {
          const [a, b] = [luminance(rgba(style.outlineColor).slice(0, 3)), luminance(backgroundOf(el.parentElement))];
          const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          if (ratio < 3)
            found.push(
              `clavier : le contour de focus de ${name} contraste trop peu avec le fond (${ratio.toFixed(2)}:1, il faut 3:1)`,
            );
        }
      }
      return found;
    })),
  );
  return problems;
}

/** A tab that checks pages one after the other; `problems` collects what its listeners see during one page. */
export interface Tab {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

/**
 * A tab in a context of its own, with what must never happen recorded: a request to another host,
 * a CSP violation, a script error, a WebSocket. Cookies and storage are read and cleared after
 * each page (checkPage), so that no page sees what another left.
 */
export async function openTab(browser: Browser): Promise<Tab> {
  const context = await browser.newContext({
    viewport: { width: widths[0], height: 800 },
    locale: 'fr-FR',
    serviceWorkers: 'block',
  });
  const problems: string[] = [];
  // Listened to rather than intercepted: interception costs a round trip to Node for every file
  // of every page. The browser itself resolves no other host (launchChromium), so nothing leaves.
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname !== '127.0.0.1' && url.protocol !== 'data:')
      problems.push(`requête vers un autre hôte : ${request.resourceType()} ${url.href}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `CSP: ${e.violatedDirective} a bloqué ${e.blockedURI || 'un élément en ligne'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  await context.addInitScript(axeSource);
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`erreur JavaScript : ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console : ${message.text()}`);
  });
  page.on('websocket', (ws) => problems.push(`WebSocket ouverte : ${ws.url()}`));
  return { context, page, problems };
}

/** Loads the page at the tab's current width and waits for its fonts, which change the layout. */
async function load(page: Page, url: string): Promise<string[]> {
  const response = await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return response?.status() === 200 ? [] : [`réponse HTTP ${response?.status()} au lieu de 200`];
}

/**
 * Back to the state of a page just loaded, for the checks of the next width: no focus, at the top,
 * and the next Tab starting from the beginning of the document. A focused element that is removed
 * leaves Chromium's sequential focus starting point where it stood, so a throw-away element at the
 * very start of <body> puts that point before the skip link.
 */
async function freshState(page: Page): Promise<void> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    const start = document.createElement('span');
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus({ preventScroll: true });
    start.remove();
    window.scrollTo(0, 0);
  });
}

/**
 * Every check, for one page: loaded once, then at each width every check of that width, the
 * widths taking turns on the same load (the CSS lays the page out again for each), then cookies
 * and storage. `screenshot` is a path without extension: the width is added.
 * `rgaa` receives the outcomes of axe's RGAA rules at 1280 px (sample pages of the audit).
 * Returns what went wrong, each problem once.
 */
export async function checkPage(
  { context, page, problems }: Tab,
  url: string,
  options: { screenshot?: string; rgaa?: (results: AxeRuleResult[]) => void } = {},
): Promise<string[]> {
  problems.length = 0;
  const found: string[] = [];
  for (const [i, width] of widths.entries()) {
    const atWidth: string[] = [];
    await page.setViewportSize({ width, height: 800 });
    if (i === 0) atWidth.push(...(await load(page, url)));
    else await freshState(page);
    // The audit's evidence (sample pages only) comes from the same axe run, at the desktop width.
    atWidth.push(...(await axeViolations(page, width === 1280 ? options.rgaa : undefined)));
    if (width === 360) atWidth.push(...(await page.evaluate(layoutProblems, 'mise en page')));
    if (options.screenshot) await page.screenshot({ path: `${options.screenshot}-${width}.png`, fullPage: true });
    atWidth.push(...(await keyboardProblems(page)));
    if (width === 1280) atWidth.push(...(await zoomProblems(page)));
    found.push(...atWidth.map((problem) => `${width} px · ${problem}`));
  }
  // Cookies and storage, after everything a visitor could have done on the page.
  found.push(...(await privacyProblems(context, page)));
  return [...new Set([...problems, ...found])];
}
