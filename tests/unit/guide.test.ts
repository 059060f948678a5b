import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../harness.ts';

/** The editors' guide: every link of its table of contents leads to a heading, every command exists. */
const file = 'docs/guide-editeurs.md';
const text = readFileSync(join(projectRoot, file), 'utf8');

/** Headings outside code blocks, with the anchor GitHub (and most Markdown viewers) gives them. */
function headings(markdown: string): { level: number; title: string; slug: string }[] {
  const slugger = new GithubSlugger();
  const found: { level: number; title: string; slug: string }[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^```/.test(line)) fenced = !fenced;
    const match = !fenced && /^(#{1,6}) (.+)$/.exec(line);
    if (match) found.push({ level: match[1]!.length, title: match[2]!, slug: slugger.slug(match[2]!) });
  }
  return found;
}

describe(`le guide des éditeurs (${file})`, () => {
  const all = headings(text);
  const anchors = [...text.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);

  it('a un sommaire qui mène à chaque partie, sans lien cassé', () => {
    const slugs = new Set(all.map((h) => h.slug));
    for (const anchor of anchors)
      expect(slugs.has(anchor), `${file} : le lien « #${anchor} » ne mène à aucun titre`).toBe(true);
    for (const heading of all.filter((h) => h.level === 2))
      expect(anchors, `${file} : « ${heading.title} » manque au sommaire`).toContain(heading.slug);
  });

  it('commence par les cinq tâches les plus courantes, chacune avec la commande qui vérifie', () => {
    const tasks = all.filter((h) => h.level === 2 && /^[A-E]\. /.test(h.title));
    expect(tasks.map((h) => h.title[0])).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(all.findIndex((h) => h.title === tasks[0]!.title)).toBeLessThan(all.findIndex((h) => /^1\. /.test(h.title)));
  });

  it('ne cite que des commandes npm qui existent', () => {
    const scripts = Object.keys(
      (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
        .scripts,
    );
    for (const [, name] of text.matchAll(/npm run ([a-z:-]+)/g))
      expect(scripts, `${file} : « npm run ${name} »`).toContain(name);
  });
});
