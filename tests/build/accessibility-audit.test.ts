import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conformityStatus, criterionStatus, type AuditOpenData } from '../../src/domain/accessibility-audit.ts';
import { distFileOf, htmlEvidence } from '../../src/domain/audit-evidence.ts';
import type { AuditStatus } from '../../src/schemas/accessibility-audit.ts';
import { htmlFiles, readText } from '../helpers/dist.ts';
import { builtDist } from '../harness.ts';
import { compareWithRecorded, readAudit, recording, writeRecorded } from '../audit/evidence-files.ts';

/**
 * The RGAA audit in the built site: the evidence read in the built HTML of the sample pages agrees
 * with the recorded file, and the declaration, the footer of every page and the home page say
 * what the published grid (/donnees/audit-rgaa.json) gives when recomputed from scratch.
 */
const dist = await builtDist('distWithBase');
const audit = await readAudit();
const htmlTool = 'contrôles du HTML construit (src/domain/audit-evidence.ts)';

describe('l’audit d’accessibilité dans le site construit', () => {
  it('chaque page de l’échantillon existe dans le site construit', () => {
    for (const page of audit.pages) {
      const file = distFileOf(page) ?? page.url.slice(1);
      expect(existsSync(join(dist, file)), `${page.id} : ${file}`).toBe(true);
    }
  });

  it('les preuves lues dans le HTML des pages de l’échantillon sont celles enregistrées (automated/html.json)', async () => {
    const pages = Object.fromEntries(
      await Promise.all(
        audit.pages.flatMap((page) => {
          const file = distFileOf(page);
          return file ? [readText(dist, file).then((html) => [page.id, htmlEvidence(html)] as const)] : [];
        }),
      ),
    );
    if (recording) await writeRecorded('html', htmlTool, audit, pages);
    else expect(await compareWithRecorded('html', htmlTool, audit, pages)).toBeUndefined();
  });

  it('le taux et l’état recalculés depuis la grille publiée sont ceux de la déclaration, du pied de page et de l’accueil', async () => {
    const grid = JSON.parse(await readText(dist, 'donnees/audit-rgaa.json')) as AuditOpenData;
    expect(grid.criteria).toHaveLength(106);
    expect(grid.pages.map((p) => p.id)).toEqual(audit.pages.map((p) => p.id));
    // From the per-page results only: a criterion is C when C wherever it applies, NA when NA everywhere.
    const ids = grid.pages.map((p) => p.id);
    // A criterion the RGAA checks with an assistive technology lists the journeys that did: with
    // none, C becomes « not checked » (applicable, not met); a failed one makes it NC.
    let waiting = 0;
    const statuses = grid.criteria.map((c) => {
      const status = criterionStatus(ids.map((id) => c.pages[id] as AuditStatus | undefined));
      if (!c.assistiveTechnology) return status;
      if (c.assistiveTechnology.some((j) => !j.passed)) return 'NC';
      if (status === 'C' && c.assistiveTechnology.length === 0) {
        waiting++;
        return 'NT';
      }
      return status;
    });
    expect(grid.criteria.map((c) => c.status)).toEqual(statuses);
    // The criteria the journeys check (7: scripts, 11: forms) are among those that carry the field.
    expect(grid.criteria.filter((c) => c.assistiveTechnology).map((c) => c.id)).toEqual(
      expect.arrayContaining(['7.1', '7.5', '11.1', '11.10']),
    );
    const met = statuses.filter((s) => s === 'C').length;
    const applicable = met + statuses.filter((s) => s === 'NC').length + waiting;
    expect(grid.rate).toEqual({ met, applicable });
    const complete = grid.criteria.every((c) => ids.every((id) => c.pages[id] !== undefined));
    expect(grid.complete).toBe(complete);
    const status = conformityStatus({ met, applicable }, complete);
    expect(grid.status).toBe(status);

    const declaration = (await readText(dist, 'accessibilite/index.html'))
      .replace(/&#160;/g, '\u00a0')
      .replace(/&#8239;/g, '\u202f');
    expect(declaration).toContain(`Ce site est <strong>${status}</strong>`);
    if (applicable > 0) {
      expect(declaration).toContain(
        `${met} critère${met > 1 ? 's' : ''} respecté${met > 1 ? 's' : ''} sur ${applicable} applicable${applicable > 1 ? 's' : ''}`,
      );
      expect(declaration).toContain(`soit ${Math.floor((met * 100) / applicable)}\u00a0% des critères applicables`);
    } else expect(declaration).toContain('Aucun critère n’est encore vérifié sur toutes les pages');
    expect(declaration).toContain('href="/logement-social/donnees/audit-rgaa.json"');
    expect(await readText(dist, 'donnees-ouvertes/index.html')).toContain(
      'href="/logement-social/donnees/audit-rgaa.json"',
    );
    for (const file of await htmlFiles(dist)) {
      expect(await readText(dist, file), file).toContain(`>Accessibilité : ${status}</a>`);
    }
    expect(await readText(dist, 'index.html')).toContain(`Accessibilité : ${status}`);
  });

  it('la déclaration a toutes les rubriques du modèle officiel, dans l’ordre', async () => {
    const html = await readText(dist, 'accessibilite/index.html');
    const headings = [...html.matchAll(/<h([23])[^>]*>([\s\S]*?)<\/h\1>/g)].map(
      (m) => `h${m[1]} ${m[2]!.replace(/<[^>]+>/g, '').trim()}`,
    );
    const expected = [
      'h2 État de conformité',
      'h2 Résultats des tests',
      'h2 Contenus non accessibles',
      'h3 Non-conformités',
      'h3 Dérogations pour charge disproportionnée',
      'h3 Contenus non soumis à l’obligation d’accessibilité',
      'h2 Établissement de cette déclaration',
      'h3 Technologies utilisées pour la réalisation du site',
      'h3 Environnement de test',
      'h3 Outils pour évaluer l’accessibilité',
      'h3 Pages du site ayant fait l’objet de la vérification de conformité',
      'h2 Retour d’information et contact',
      'h2 Voies de recours',
    ];
    const found = headings.filter((h) => expected.includes(h));
    expect(found).toEqual(expected);
    // The 13 themes of the grid, each with its table.
    expect(headings.filter((h) => /^h3 \d+\. /.test(h))).toHaveLength(13);
    expect(html).not.toContain('n’est pas un PDF balisé');
  });
});
