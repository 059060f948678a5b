import type {
  AccessibilityAuditData,
  AuditPage,
  AuditStatus,
  AutomatedFinding,
  ManualCriterion,
  ScreenReaderEvidenceData,
} from '../schemas/accessibility-audit.ts';
import { criteriaOf, plainText, readReferential, type Referential, type ReferentialCriterion } from './referential.ts';
import type { Catalog } from './types.ts';
import { absoluteUrl } from './urls.ts';

/**
 * The RGAA audit grid: manual results (content/accessibility-audit/manual/) merged with the automated
 * evidence (content/accessibility-audit/automated/), per criterion and page, then per criterion over
 * the sample, then the rate and the status the declaration, the footer and the open data publish.
 *
 * The rules (RGAA « évaluation de la conformité », and the team's merge rule):
 * - criterion × page: NC if the manual result is NC or an automated check failed there; otherwise the
 *   manual result; no manual result = missing, and a grid with a missing cell is incomplete;
 * - criterion over the sample: NA if NA on every page, C if C on every page where it applies, else NC;
 * - a criterion the RGAA checks with an assistive technology (assistiveTechnologyCriteria) is C only
 *   if a recorded screen-reader journey checked it and passed; C without that check becomes « not
 *   checked with an assistive technology » (NT), which counts as applicable and not met; a failed
 *   journey makes it NC on the journey's pages;
 * - rate = { met: C criteria, applicable: C + NC criteria + criteria waiting for their assistive-technology check };
 * - status: « totalement conforme » only for a complete grid with met = applicable, « partiellement
 *   conforme » for a complete grid with met × 2 ≥ applicable, otherwise « non conforme ». Counts are
 *   compared, never a rounded percentage.
 */

export type ConformityStatus = 'totalement conforme' | 'partiellement conforme' | 'non conforme';
/** NT: not tested yet (some page has no manual result and nothing failed). */
export type CriterionStatus = AuditStatus | 'NT';

export interface ManualTheme {
  theme: number;
  criteria: ManualCriterion[];
  file?: string;
}

export interface AutomatedEvidence {
  tool: string;
  pages: Record<string, Record<string, AutomatedFinding[]>>;
}

/**
 * Criteria whose RGAA 4.1.2 check includes how an assistive technology renders the content: those
 * whose criterion or tests say so (« restitué par les technologies d’assistance »: 1.2, 1.3, 1.6,
 * 1.9, 4.13, 5.7, 7.1, 7.5, 8.7, 9.2, 10.8), those whose methodology does (4.6, 4.7, 7.4), and the
 * forms' labels and error messages (11.1, 11.2, 11.10), which a blind person meets only through it.
 */
export const assistiveTechnologyCriteria: Readonly<Record<string, readonly string[]>> = {
  'rgaa-4.1.2': [
    '1.2',
    '1.3',
    '1.6',
    '1.9',
    '4.6',
    '4.7',
    '4.13',
    '5.7',
    '7.1',
    '7.4',
    '7.5',
    '8.7',
    '9.2',
    '10.8',
    '11.1',
    '11.2',
    '11.10',
  ],
};

export type ScreenReaderEvidence = Pick<
  ScreenReaderEvidenceData,
  'journey' | 'title' | 'assistiveTechnology' | 'browser' | 'pages' | 'criteria' | 'outcome' | 'date'
>;

/** A screen-reader journey that checked a criterion: with what, where, and whether it passed. */
export interface AssistiveTechnologyCheck {
  journey: string;
  title: string;
  /** « Orca 43.1 et Chromium 156.0.8078.129 » */
  with: string;
  pages: string[];
  passed: boolean;
  date: string;
}

export interface GridInput {
  referential: Referential;
  pages: readonly AuditPage[];
  manual: readonly ManualTheme[];
  automated: readonly AutomatedEvidence[];
  /** Recorded screen-reader journeys (none: no criterion of assistiveTechnologyCriteria can be C). */
  screenReader?: readonly ScreenReaderEvidence[];
  /** Criteria checked with an assistive technology; by default, assistiveTechnologyCriteria of the referential. */
  assistiveTechnologyCriteria?: readonly string[];
}

export interface GridCell {
  /** After the merge; undefined when the page has no manual result and no automated failure. */
  status?: AuditStatus;
  /** The manual result alone. */
  manual?: AuditStatus;
  /** Automated checks that failed here (each makes the cell NC). */
  failures: (AutomatedFinding & { tool: string })[];
  /** Every automated finding here, failures included. */
  findings: (AutomatedFinding & { tool: string })[];
}

export interface GridCriterion {
  criterion: ReferentialCriterion;
  status: CriterionStatus;
  /** page id → cell, in the sample's order. */
  cells: Record<string, GridCell>;
  /** Pages without a manual result. */
  missing: string[];
  manual?: ManualCriterion;
  /** For a criterion the RGAA checks with an assistive technology: the journeys that checked it (maybe none). */
  assistiveTechnology?: AssistiveTechnologyCheck[];
  /** C by every other check, but its assistive-technology check was not made (or not passed): NT. */
  waitsForAssistiveTechnology?: boolean;
}

export interface Rate {
  met: number;
  applicable: number;
}

export interface Grid {
  referential: Referential;
  pages: readonly AuditPage[];
  criteria: GridCriterion[];
  rate: Rate;
  /** Every criterion × page has a manual result. */
  complete: boolean;
  status: ConformityStatus;
}

/** The manual result of one page: its own line, else « * » (every page not listed). */
export function manualResult(criterion: ManualCriterion | undefined, pageId: string): AuditStatus | undefined {
  if (!criterion) return undefined;
  return criterion.results[pageId] ?? criterion.results['*'];
}

/** Merge rule for one criterion × page. */
export function mergeCell(manual: AuditStatus | undefined, failures: readonly unknown[]): AuditStatus | undefined {
  if (manual === 'NC' || failures.length > 0) return 'NC';
  return manual;
}

/** One criterion over the sample, from its cells (undefined = missing). */
export function criterionStatus(cells: readonly (AuditStatus | undefined)[]): CriterionStatus {
  if (cells.includes('NC')) return 'NC';
  if (cells.includes(undefined)) return 'NT';
  if (cells.every((cell) => cell === 'NA')) return 'NA';
  return 'C';
}

/** `waiting`: criteria met by every check but their assistive-technology one, which count as applicable, not met. */
export function rateOf(statuses: readonly CriterionStatus[], waiting = 0): Rate {
  const met = statuses.filter((s) => s === 'C').length;
  return { met, applicable: met + statuses.filter((s) => s === 'NC').length + waiting };
}

/** The journeys that checked a criterion, passed or not. */
export function assistiveTechnologyChecks(
  criterionId: string,
  journeys: readonly ScreenReaderEvidence[],
): AssistiveTechnologyCheck[] {
  return journeys
    .filter((j) => j.criteria.includes(criterionId))
    .map((j) => ({
      journey: j.journey,
      title: j.title,
      with: `${j.assistiveTechnology} et ${j.browser}`,
      pages: [...j.pages],
      passed: j.outcome === 'pass',
      date: j.date,
    }));
}

/**
 * The rule for a criterion the RGAA checks with an assistive technology, after the other checks:
 * a failed journey makes it NC on the journey's pages; C stands only with at least one passed journey
 * and no failed one. Returns the status and whether it waits for its check.
 */
export function withAssistiveTechnology(
  status: CriterionStatus,
  checks: readonly AssistiveTechnologyCheck[],
): { status: CriterionStatus; waiting: boolean } {
  if (checks.some((c) => !c.passed)) return { status: 'NC', waiting: false };
  if (status === 'C' && checks.length === 0) return { status: 'NT', waiting: true };
  return { status, waiting: false };
}

export function conformityStatus(rate: Rate, complete: boolean): ConformityStatus {
  if (!complete) return 'non conforme';
  if (rate.met === rate.applicable) return 'totalement conforme';
  if (rate.met * 2 >= rate.applicable) return 'partiellement conforme';
  return 'non conforme';
}

/** « 97 » for 97.9 %: rounded down, so that 99.6 % never reads as 100 %. */
export function ratePercent(rate: Rate): number {
  return rate.applicable === 0 ? 0 : Math.floor((rate.met * 100) / rate.applicable);
}

export function buildGrid(input: GridInput): Grid {
  const manualById = new Map<string, ManualCriterion>();
  for (const theme of input.manual) for (const criterion of theme.criteria) manualById.set(criterion.id, criterion);

  const atCriteria = input.assistiveTechnologyCriteria ?? assistiveTechnologyCriteria[input.referential.id] ?? [];
  const criteria = criteriaOf(input.referential).map((criterion): GridCriterion => {
    const manual = manualById.get(criterion.id);
    const cells: Record<string, GridCell> = {};
    const missing: string[] = [];
    for (const page of input.pages) {
      const findings = input.automated.flatMap((evidence) =>
        (evidence.pages[page.id]?.[criterion.id] ?? []).map((finding) => ({ ...finding, tool: evidence.tool })),
      );
      const failures = findings.filter((finding) => finding.outcome === 'fail');
      const result = manualResult(manual, page.id);
      if (result === undefined) missing.push(page.id);
      cells[page.id] = { status: mergeCell(result, failures), manual: result, failures, findings };
    }
    let status = criterionStatus(input.pages.map((page) => cells[page.id]!.status));
    if (!atCriteria.includes(criterion.id)) return { criterion, status, cells, missing, ...(manual ? { manual } : {}) };
    const checks = assistiveTechnologyChecks(criterion.id, input.screenReader ?? []);
    // A failed journey: NC on the pages it went through (the journey's own evidence says what was not heard).
    for (const check of checks.filter((c) => !c.passed)) {
      for (const pageId of check.pages) if (cells[pageId]) cells[pageId] = { ...cells[pageId]!, status: 'NC' };
    }
    const ruled = withAssistiveTechnology(status, checks);
    status = ruled.status;
    return {
      criterion,
      status,
      cells,
      missing,
      ...(manual ? { manual } : {}),
      assistiveTechnology: checks,
      ...(ruled.waiting ? { waitsForAssistiveTechnology: true } : {}),
    };
  });
  const rate = rateOf(
    criteria.map((c) => c.status),
    criteria.filter((c) => c.waitsForAssistiveTechnology).length,
  );
  const complete = input.pages.length > 0 && criteria.every((c) => c.missing.length === 0);
  return {
    referential: input.referential,
    pages: input.pages,
    criteria,
    rate,
    complete,
    status: conformityStatus(rate, complete),
  };
}

/** The site's status when there is no audit at all: the RGAA allows only « non conforme ». */
export const statusWithoutAudit: ConformityStatus = 'non conforme';

/** The missing cells, per theme, for the content report. */
export function missingResults(
  grid: Grid,
): { theme: number; title: string; criteria: { id: string; pages: string[] }[] }[] {
  return grid.referential.themes
    .map((theme) => ({
      theme: theme.number,
      title: theme.title,
      criteria: grid.criteria
        .filter((c) => c.criterion.theme === theme.number && c.missing.length > 0)
        .map((c) => ({ id: c.criterion.id, pages: c.missing })),
    }))
    .filter((theme) => theme.criteria.length > 0);
}

type AuditContent = Pick<
  Catalog,
  'accessibilityAudit' | 'referentials' | 'accessibilityManual' | 'accessibilityAutomated' | 'accessibilityScreenReader'
>;

/** The grid of the content's audit; undefined when the content has no audit (or no valid referential). */
const grids = new WeakMap<object, Grid | undefined>();

export function gridOf(catalog: AuditContent): Grid | undefined {
  // Every page's footer asks: compute the grid once per catalog.
  if (grids.has(catalog)) return grids.get(catalog);
  const grid = computeGrid(catalog);
  grids.set(catalog, grid);
  return grid;
}

function computeGrid(catalog: AuditContent): Grid | undefined {
  const audit = catalog.accessibilityAudit;
  const entry = audit && catalog.referentials?.find((r) => r.id === audit.referential);
  if (!audit || !entry) return undefined;
  return buildGrid({
    referential: readReferential(entry.id, entry),
    pages: audit.pages,
    manual: catalog.accessibilityManual ?? [],
    automated: catalog.accessibilityAutomated ?? [],
    screenReader: (catalog.accessibilityScreenReader ?? []).filter((j) => j.referential === audit.referential),
  });
}

/** What the footer, the home page and the declaration say. */
export function accessibilityStatus(catalog: AuditContent): ConformityStatus {
  return gridOf(catalog)?.status ?? statusWithoutAudit;
}

export const statusLabels: Record<CriterionStatus, string> = {
  C: 'conforme',
  NC: 'non conforme',
  NA: 'non applicable',
  NT: 'pas encore vérifié',
};

/** Failed automated checks of a criterion, in words, page by page. */
export function failureSummary(item: GridCriterion, pages: readonly AuditPage[]): string[] {
  return pages.flatMap((page) =>
    item.cells[page.id]!.failures.map(
      (f) => `${page.title} : échec du contrôle automatique ${f.check} (${f.tool})${f.detail ? ` : ${f.detail}` : ''}.`,
    ),
  );
}

/** The evidence published for a criterion: the auditor's words, any automated failure, the screen-reader check. */
export function evidenceOf(item: GridCriterion, pages: readonly AuditPage[]): string {
  const at = assistiveTechnologySummary(item, pages);
  const parts = [
    item.manual?.evidence ?? 'Pas encore vérifié à la main.',
    ...failureSummary(item, pages),
    ...(at ? [at] : []),
  ];
  return parts.join(' ');
}

/**
 * For a criterion the RGAA checks with an assistive technology, in words: whether that check was
 * made, with what, along which journeys and pages, and its outcome. Undefined for other criteria.
 */
export function assistiveTechnologySummary(item: GridCriterion, pages: readonly AuditPage[]): string | undefined {
  const checks = item.assistiveTechnology;
  if (!checks) return undefined;
  if (checks.length === 0) {
    return item.waitsForAssistiveTechnology
      ? 'Restitution par une technologie d’assistance : pas vérifiée, le critère ne peut donc pas être compté comme respecté.'
      : 'Restitution par une technologie d’assistance : pas vérifiée.';
  }
  const titles = new Map(pages.map((p) => [p.id, p.title]));
  const parts = checks.map((c) => {
    const where = c.pages.map((id) => titles.get(id) ?? id).join(', ');
    return `« ${c.title} » (${c.passed ? 'réussi' : 'échoué'}, ${c.date}${where ? `, pages : ${where}` : ''})`;
  });
  const tools = [...new Set(checks.map((c) => c.with))].join(' ; ');
  return `Restitution vérifiée avec ${tools}, parcours au clavier ${parts.join(' ; ')}.`;
}

/** The grid as open data (/donnees/audit-rgaa.json): plain values, stable order. */
export interface AuditOpenData {
  referential: string;
  source?: { title: string; publisher: string; url: string; licence: string; version: string };
  date: string;
  auditor: string;
  complete: boolean;
  status: ConformityStatus;
  pages: { id: string; title: string; url: string }[];
  criteria: {
    id: string;
    theme: number;
    themeTitle: string;
    title: string;
    level: string;
    status: CriterionStatus;
    pages: Record<string, AuditStatus>;
    evidence: string;
    method?: string;
    checked?: string;
    fixed?: string;
    derogation?: { reason: string; alternative: string };
    /** Criteria the RGAA checks with an assistive technology: the journeys that did (empty: not made). */
    assistiveTechnology?: { journey: string; with: string; pages: string[]; passed: boolean; date: string }[];
  }[];
  rate: Rate;
}

export function auditOpenData(grid: Grid, audit: AccessibilityAuditData, siteUrl: string, base: string): AuditOpenData {
  const themeTitles = new Map(grid.referential.themes.map((t) => [t.number, t.title]));
  return {
    referential: grid.referential.id,
    ...(audit.referentialSource ? { source: audit.referentialSource } : {}),
    date: audit.date,
    auditor: audit.auditor,
    complete: grid.complete,
    status: grid.status,
    pages: grid.pages.map((page) => ({ id: page.id, title: page.title, url: absoluteUrl(siteUrl, base, page.url) })),
    criteria: grid.criteria.map((item) => {
      const pages: Record<string, AuditStatus> = {};
      for (const page of grid.pages) {
        const status = item.cells[page.id]!.status;
        if (status) pages[page.id] = status;
      }
      const manual = item.manual;
      return {
        id: item.criterion.id,
        theme: item.criterion.theme,
        themeTitle: themeTitles.get(item.criterion.theme)!,
        title: plainText(item.criterion.title),
        level: item.criterion.level,
        status: item.status,
        pages,
        evidence: evidenceOf(item, grid.pages),
        ...(manual ? { method: manual.method, checked: manual.checked } : {}),
        ...(manual?.fixed ? { fixed: manual.fixed } : {}),
        ...(manual?.derogation ? { derogation: manual.derogation } : {}),
        ...(item.assistiveTechnology
          ? {
              assistiveTechnology: item.assistiveTechnology.map(({ journey, with: tool, pages, passed, date }) => ({
                journey,
                with: tool,
                pages,
                passed,
                date,
              })),
            }
          : {}),
      };
    }),
    rate: grid.rate,
  };
}

export type { AccessibilityAuditData };

const NNBSP = '\u202f';

function pagesWord(count: number): string {
  return `${count}${'\u00a0'}page${count > 1 ? 's' : ''}`;
}

/** « conforme sur 3 pages, non applicable sur 19 » and the names of the pages that fail or wait. */
export function pagesSummary(item: GridCriterion, pages: readonly AuditPage[]): string {
  const titles = (status: AuditStatus | undefined) =>
    pages.filter((p) => item.cells[p.id]!.status === status).map((p) => p.title);
  const parts: string[] = [];
  const nc = titles('NC');
  if (nc.length > 0) parts.push(`non conforme sur ${nc.length === pages.length ? 'toutes les pages' : nc.join(', ')}`);
  const c = titles('C').length;
  if (c > 0) parts.push(`conforme sur ${c === pages.length ? 'toutes les pages' : pagesWord(c)}`);
  const na = titles('NA').length;
  if (na > 0) parts.push(`non applicable sur ${na === pages.length ? 'toutes les pages' : pagesWord(na)}`);
  const missing = titles(undefined).length;
  if (missing > 0)
    parts.push(`pas encore vérifié sur ${missing === pages.length ? 'toutes les pages' : pagesWord(missing)}`);
  const text = parts.join(' ; ').replace(/ ;/g, `${NNBSP};`);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What the declaration shows, computed once: the components only lay it out. */
export interface DeclarationView {
  grid: Grid;
  percent: number;
  /** Criteria not checked on every page yet. */
  untested: number;
  themes: {
    number: number;
    title: string;
    rows: {
      id: string;
      title: string;
      level: string;
      status: CriterionStatus;
      label: string;
      pages: string;
      assistiveTechnology?: string;
    }[];
  }[];
  /** Criteria met by every other check, not counted as met because their assistive-technology check was not made. */
  waitingForAssistiveTechnology: { id: string; title: string }[];
  nonCompliant: { id: string; title: string; pages: string[]; evidence: string }[];
  derogations: { id: string; title: string; reason: string; alternative: string }[];
}

export function declarationView(grid: Grid): DeclarationView {
  return {
    grid,
    percent: ratePercent(grid.rate),
    untested: grid.criteria.filter((c) => c.missing.length > 0).length,
    themes: grid.referential.themes.map((theme) => ({
      number: theme.number,
      title: theme.title,
      rows: grid.criteria
        .filter((c) => c.criterion.theme === theme.number)
        .map((c) => {
          const at = assistiveTechnologySummary(c, grid.pages);
          return {
            id: c.criterion.id,
            title: plainText(c.criterion.title),
            level: c.criterion.level,
            status: c.status,
            label: c.waitsForAssistiveTechnology
              ? 'pas vérifié avec une technologie d’assistance'
              : statusLabels[c.status],
            pages: pagesSummary(c, grid.pages),
            ...(at ? { assistiveTechnology: at } : {}),
          };
        }),
    })),
    waitingForAssistiveTechnology: grid.criteria
      .filter((c) => c.waitsForAssistiveTechnology)
      .map((c) => ({ id: c.criterion.id, title: plainText(c.criterion.title) })),
    nonCompliant: grid.criteria
      .filter((c) => c.status === 'NC')
      .map((c) => ({
        id: c.criterion.id,
        title: plainText(c.criterion.title),
        pages: grid.pages.filter((p) => c.cells[p.id]!.status === 'NC').map((p) => p.title),
        evidence: evidenceOf(c, grid.pages),
      })),
    derogations: grid.criteria
      .filter((c) => c.manual?.derogation)
      .map((c) => ({ id: c.criterion.id, title: plainText(c.criterion.title), ...c.manual!.derogation! })),
  };
}

/** The reference base of RGAA 4.1.2 (« environnement de test »): the combinations its method names. */
export const rgaaReferenceBase = 'NVDA ou JAWS avec Firefox, VoiceOver avec Safari, TalkBack avec Chrome';

/** The screen-reader set-ups the recorded journeys used, once each, in the order first met. */
export function screenReaderEnvironments(
  journeys: readonly Pick<ScreenReaderEvidenceData, 'assistiveTechnology' | 'browser' | 'operatingSystem' | 'date'>[],
): { assistiveTechnology: string; browser: string; operatingSystem: string; date: string }[] {
  const seen = new Map<
    string,
    { assistiveTechnology: string; browser: string; operatingSystem: string; date: string }
  >();
  for (const j of journeys) {
    const key = `${j.assistiveTechnology}|${j.browser}|${j.operatingSystem}`;
    const known = seen.get(key);
    if (!known)
      seen.set(key, {
        assistiveTechnology: j.assistiveTechnology,
        browser: j.browser,
        operatingSystem: j.operatingSystem,
        date: j.date,
      });
    else if (j.date > known.date) known.date = j.date;
  }
  return [...seen.values()];
}
