import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHeadersFile } from '../../scripts/static-server.mjs';
import { projectRoot } from '../harness.ts';
import { htmlFiles, listFiles, readText } from '../helpers/dist.ts';
import { builtDist } from '../harness.ts';

/**
 * What a static host can't forget because it is in the files: the Content-Security-Policy of each
 * page, rel="noopener" on links to other sites, and a `_headers` file that says the same as the
 * pages, plus what only a header can say.
 */

const dist = await builtDist('distWithBase');
const siteUrl = 'https://www.agglo-henincarvin.fr/logement-social/';

type Policy = Map<string, string[]>;
const parsePolicy = (text: string): Policy =>
  new Map(
    text
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );

/** The only sources a directive may allow; anything else (a host, 'unsafe-inline'…) is refused. */
const allowed: Record<string, string[]> = {
  'script-src': ["'self'", "'wasm-unsafe-eval'"], // Pagefind compiles its WebAssembly
  'img-src': ["'self'", 'data:'],
};
const cspProblems = (where: string, policy: Policy) => {
  const problems: string[] = [];
  if (policy.get('default-src')?.join(' ') !== "'self'") problems.push(`${where} : default-src doit valoir 'self'`);
  if (policy.get('object-src')?.join(' ') !== "'none'") problems.push(`${where} : object-src doit valoir 'none'`);
  for (const [name, sources] of policy) {
    for (const source of sources) {
      if (source === "'none'" || source === "'self'" || allowed[name]?.includes(source)) continue;
      problems.push(
        `${where} : ${name} autorise ${source} (seuls 'self'${allowed[name] ? `, ${allowed[name].filter((s) => s !== "'self'").join(', ')}` : ''} sont permis)`,
      );
    }
  }
  return problems;
};

const metaPolicies = new Map<string, string>();
for (const file of await htmlFiles(dist)) {
  const html = await readText(dist, file);
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)].map((m) =>
    m[1]!.replace(/&#39;|&apos;/g, "'"),
  );
  metaPolicies.set(file, metas.length === 1 ? metas[0]! : `(${metas.length} balises)`);
}
const headerRules = parseHeadersFile(await readFile(join(dist, '_headers'), 'utf8').catch(() => ''));
const rootHeaders = Object.assign(
  {},
  ...headerRules.filter((r) => r.pattern.test('/')).map((r) => r.headers),
) as Record<string, string>;

describe('la politique de sécurité du contenu (CSP)', () => {
  it('est la même sur chaque page, en une seule balise <meta> placée avant toute ressource', async () => {
    const problems: string[] = [];
    const reference = metaPolicies.get('index.html');
    for (const [file, policy] of metaPolicies) {
      if (policy !== reference) problems.push(`${file} : ${policy}`);
      const head = (await readText(dist, file)).split('</head>')[0]!;
      const meta = head.search(/<meta\s+http-equiv="Content-Security-Policy"/i);
      const firstResource = head.search(
        /<(?:link\s[^>]*rel="?(?:stylesheet|preload|modulepreload|icon)|script|style)\b/i,
      );
      if (firstResource >= 0 && meta > firstResource)
        problems.push(`${file} : la balise CSP vient après une ressource, qui lui échappe`);
    }
    expect(problems).toEqual([]);
  });

  it("n’autorise que 'self' (et 'wasm-unsafe-eval' pour la recherche)", () => {
    expect(cspProblems('<meta>', parsePolicy(metaPolicies.get('index.html') ?? ''))).toEqual([]);
  });

  it('ne laisse passer ni script, ni style, ni attribut style en ligne', async () => {
    const problems: string[] = [];
    for (const file of metaPolicies.keys()) {
      const html = await readText(dist, file);
      for (const m of html.matchAll(/<script\b([^>]*)>/g))
        if (!/\bsrc=/.test(m[1]!) && !/type="?application\/(?:ld\+)?json/.test(m[1]!))
          problems.push(`${file} : <script${m[1]}> en ligne`);
      if (/<style\b/.test(html)) problems.push(`${file} : <style> en ligne`);
      if (/\sstyle=/.test(html)) problems.push(`${file} : attribut style=""`);
      if (/\son[a-z]+=/.test(html)) problems.push(`${file} : gestionnaire d’événement en ligne (onclick=…)`);
    }
    expect(problems).toEqual([]);
  });
});

describe('le fichier _headers pour l’hébergeur', () => {
  it('existe à la racine de dist/ et couvre toutes les pages', () => {
    expect(headerRules.length, 'dist/_headers absent ou vide (il vient de public/_headers)').toBeGreaterThan(0);
    expect(Object.keys(rootHeaders).sort()).toEqual(
      expect.arrayContaining([
        'Content-Security-Policy',
        'Permissions-Policy',
        'Referrer-Policy',
        'X-Content-Type-Options',
      ]),
    );
    expect(rootHeaders['X-Content-Type-Options']).toBe('nosniff');
  });

  it('envoie la même politique que les pages, plus frame-ancestors que seul un en-tête peut dire', () => {
    const header = parsePolicy(rootHeaders['Content-Security-Policy'] ?? '');
    const meta = parsePolicy(metaPolicies.get('index.html') ?? '');
    expect(cspProblems('_headers', header)).toEqual([]);
    for (const [name, sources] of meta) expect(header.get(name), `${name} dans _headers`).toEqual(sources);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    expect([...header.keys()].filter((name) => !meta.has(name))).toEqual(['frame-ancestors']);
  });

  it('a le même référent que la balise <meta name="referrer"> des pages', async () => {
    const meta = /<meta name="referrer" content="([^"]+)"/.exec(await readText(dist, 'index.html'))?.[1];
    expect(rootHeaders['Referrer-Policy']).toBe(meta);
  });

  it('est décrit dans docs/hosting.md, avec la même politique pour Apache et nginx', async () => {
    const doc = await readFile(join(projectRoot, 'docs/hosting.md'), 'utf8');
    const policies = [...doc.matchAll(/(?:Content-Security-Policy:?\s+"?|^)(default-src [^"\n]*)/gm)].map((m) =>
      m[1]!.trim(),
    );
    expect(policies.length, 'docs/hosting.md ne donne pas la politique').toBeGreaterThanOrEqual(3);
    for (const policy of policies) expect(policy).toBe(rootHeaders['Content-Security-Policy']);
  });
});

describe('les ressources', () => {
  // The browser sweep proves it page by page; this says it in a second, with the file to fix.
  it('viennent toutes du site : ni police, ni script, ni image, ni feuille de style d’un autre hôte', async () => {
    const foreign = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;
    const problems: string[] = [];
    for (const file of metaPolicies.keys()) {
      const html = await readText(dist, file);
      for (const m of html.matchAll(/<link\b[^>]*>/g)) {
        const rel = /\srel="?([^"\s>]+(?:\s[^"]*)?)"?/.exec(m[0])?.[1] ?? '';
        const href = /\shref="?([^"\s>]+)/.exec(m[0])?.[1] ?? '';
        if (
          /\b(?:stylesheet|preload|modulepreload|prefetch|preconnect|dns-prefetch|icon|manifest)\b/.test(rel) &&
          foreign.test(href)
        )
          problems.push(`${file} : ${m[0]}`);
      }
      for (const m of html.matchAll(/\s(?:src|srcset|poster|data)="([^"]*)"/g))
        if (foreign.test(m[1]!.trim())) problems.push(`${file} : ${m[0].trim()}`);
    }
    for (const sheet of (await listFiles(dist)).filter((f) => f.endsWith('.css'))) {
      const css = await readText(dist, sheet);
      for (const m of css.matchAll(/(?:url\(\s*["']?|@import\s+["'])([^"')\s]+)/g))
        if (foreign.test(m[1]!)) problems.push(`${sheet} : ${m[1]}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('les liens vers d’autres sites', () => {
  it('portent rel="noopener"', async () => {
    const problems: string[] = [];
    for (const file of metaPolicies.keys()) {
      for (const m of (await readText(dist, file)).matchAll(/<a\b[^>]*>/g)) {
        const href = /\shref="([^"]*)"/.exec(m[0])?.[1];
        if (!href || !/^(?:https?:)?\/\//i.test(href) || href.startsWith(siteUrl)) continue;
        const rel = /\srel="([^"]*)"/.exec(m[0])?.[1]?.split(/\s+/) ?? [];
        if (!rel.includes('noopener')) problems.push(`${file} : ${m[0]}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
