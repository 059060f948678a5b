import type { AccessibilityAuditData, AuditPage, AuditStatus, AutomatedFinding, ManualCriterion } from '../schemas/accessibility-audit';
import { criteriaOf, plainText, readReferential, type Referential, type ReferentialCriterion } from './referential';
import type { Catalog } from './types';
import { absoluteUrl } from './urls';

/**
 * The RGAA audit grid: manual results (content/accessibility-audit/manual/) merged with the automated
 * evidence (content/accessibility-audit/automated/), per criterion and page, then per criterion over
 * the sample, then the rate and the status the declaration, the footer and the open data publish.
 *
 * The rules (RGAA « évaluation de la conformité », and the team's merge rule):
 * - criterion × page: NC if the manual result is NC or an automated check failed there; otherwise the
 *   manual result; no manual result = missing, and a grid with a missing cell is incomplete;
 * - criterion over the sample: NA if NA on every page, C if C on every page where it applies, else NC;
 * - rate = { met: C criteria, applicable: C + NC criteria };
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

export interface GridInput {
  referential: Referential;
  pages: readonly AuditPage[];
  manual: readonly ManualTheme[];
  automated: readonly AutomatedEvidence[];
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

export function rateOf(statuses: readonly CriterionStatus[]): Rate {
  const met = statuses.filter((s) => s === 'C').length;
  return { met, applicable: met + statuses.filter((s) => s === 'NC').length };
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

  const criteria = criteriaOf(input.referential).map((criterion): GridCriterion => {
    const manual = manualById.get(criterion.id);
    const cells: Record<string, GridCell> = {};
    const missing: string[] = [];
    for (const page of input.pages) {
      const findings = input.automated.flatMap((evidence) => (evidence.pages[page.id]?.[criterion.id] ?? []).map((finding) => ({ ...finding, tool: evidence.tool })));
      const failures = findings.filter((finding) => finding.outcome === 'fail');
      const result = manualResult(manual, page.id);
      if (result === undefined) missing.push(page.id);
      cells[page.id] = { status: mergeCell(result, failures), manual: result, failures, findings };
    }
    const status = criterionStatus(input.pages.map((page) => cells[page.id]!.status));
    return { criterion, status, cells, missing, ...(manual ? { manual } : {}) };
  });
  const rate = rateOf(criteria.map((c) => c.status));
  const complete = input.pages.length > 0 && criteria.every((c) => c.missing.length === 0);
  return { referential: input.referential, pages: input.pages, criteria, rate, complete, status: conformityStatus(rate, complete) };
}

/** The site's status when there is no audit at all: the RGAA allows only « non conforme ». */
export const statusWithoutAudit: ConformityStatus = 'non conforme';

/** The missing cells, per theme, for the content report. */
export function missingResults(grid: Grid): { theme: number; title: string; criteria: { id: string; pages: string[] }[] }[] {
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

type AuditContent = Pick<Catalog, 'accessibilityAudit' | 'referentials' | 'accessibilityManual' | 'accessibilityAutomated'>;

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
  });
}

/** What the footer, the home page and the declaration say. */
export function accessibilityStatus(catalog: AuditContent): ConformityStatus {
  return gridOf(catalog)?.status ?? statusWithoutAudit;
}

export const statusLabels: Record<CriterionStatus, string> = { C: 'conforme', NC: 'non conforme', NA: 'non applicable', NT: 'pas encore vérifié' };

/** Failed automated checks of a criterion, in words, page by page. */
export function failureSummary(item: GridCriterion, pages: readonly AuditPage[]): string[] {
  return pages.flatMap((page) =>
    item.cells[page.id]!.failures.map((f) => `${page.title} : échec du contrôle automatique ${f.check} (${f.tool})${f.detail ? ` : ${f.detail}` : ''}.`),
  );
}

/** The evidence published for a criterion: the auditor's words, then any automated failure. */
export function evidenceOf(item: GridCriterion, pages: readonly AuditPage[]): string {
  const parts = [item.manual?.evidence ?? 'Pas encore vérifié à la main.', ...failureSummary(item, pages)];
  return parts.join(' ');
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
  const titles = (status: AuditStatus | undefined) => pages.filter((p) => item.cells[p.id]!.status === status).map((p) => p.title);
  const parts: string[] = [];
  const nc = titles('NC');
  if (nc.length > 0) parts.push(`non conforme sur ${nc.length === pages.length ? 'toutes les pages' : nc.join(', ')}`);
  const c = titles('C').length;
  if (c > 0) parts.push(`conforme sur ${c === pages.length ? 'toutes les pages' : pagesWord(c)}`);
  const na = titles('NA').length;
  if (na > 0) parts.push(`non applicable sur ${na === pages.length ? 'toutes les pages' : pagesWord(na)}`);
  const missing = titles(undefined).length;
  if (missing > 0) parts.push(`pas encore vérifié sur ${missing === pages.length ? 'toutes les pages' : pagesWord(missing)}`);
  const text = parts.join(' ; ').replace(/ ;/g, `${NNBSP};`);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What the declaration shows, computed once: the components only lay it out. */
export interface DeclarationView {
  grid: Grid;
  percent: number;
  /** Criteria not checked on every page yet. */
  untested: number;
  themes: { number: number; title: string; rows: { id: string; title: string; level: string; status: CriterionStatus; label: string; pages: string }[] }[];
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
        .map((c) => ({ id: c.criterion.id, title: plainText(c.criterion.title), level: c.criterion.level, status: c.status, label: statusLabels[c.status], pages: pagesSummary(c, grid.pages) })),
    })),
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
