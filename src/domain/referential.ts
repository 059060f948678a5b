import type { ReferentialData } from '../schemas/referential.ts';

/**
 * An accessibility referential (RGAA 4.1.2 today) read as themes → criteria → tests. Nothing here
 * knows a version: another file of the same shape (RGAA 5) is read the same way.
 */
export type Level = 'A' | 'AA' | 'AAA';

export interface ReferentialTest {
  /** « 1.1.1 » */
  id: string;
  /** The question, then its conditions (Markdown, as published). */
  text: string[];
}

export interface ReferentialCriterion {
  /** « 1.1 » */
  id: string;
  theme: number;
  title: string;
  /** Highest WCAG level among its references. */
  level: Level;
  wcag: string[];
  tests: ReferentialTest[];
}

export interface ReferentialTheme {
  number: number;
  title: string;
  criteria: ReferentialCriterion[];
}

export interface Referential {
  /** File name without .json: « rgaa-4.1.2 ». */
  id: string;
  themes: ReferentialTheme[];
}

const levelRank: Record<Level, number> = { A: 1, AA: 2, AAA: 3 };

/** « 1.4.3 Contrast (Minimum) (AA) » → "AA"; the highest level cited wins. */
export function levelOf(wcag: readonly string[]): Level {
  let level: Level = 'A';
  for (const reference of wcag) {
    const found = /\((A{1,3})\)\s*$/.exec(reference)?.[1] as Level | undefined;
    if (found && levelRank[found] > levelRank[level]) level = found;
  }
  return level;
}

export function readReferential(id: string, data: ReferentialData): Referential {
  return {
    id,
    themes: data.topics.map((topic) => ({
      number: topic.number,
      title: topic.topic,
      criteria: topic.criteria.map(({ criterium }) => {
        const wcag = criterium.references.flatMap((reference) => reference.wcag ?? []);
        const id = `${topic.number}.${criterium.number}`;
        return {
          id,
          theme: topic.number,
          title: criterium.title,
          level: levelOf(wcag),
          wcag,
          tests: Object.entries(criterium.tests)
            .sort(([a], [b]) => Number(a) - Number(b))
            .map(([number, text]) => ({ id: `${id}.${number}`, text })),
        };
      }),
    })),
  };
}

export function criteriaOf(referential: Referential): ReferentialCriterion[] {
  return referential.themes.flatMap((theme) => theme.criteria);
}

/** Published text without its Markdown: glossary links and code marks become plain words. */
export function plainText(markdown: string): string {
  return markdown.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/`([^`]*)`/g, '$1');
}
