import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content-loader/load.ts';
import {
  answerPages,
  farPlacesShown,
  orient,
  placesByTier,
  proposedPlaces,
  situationRules,
  type AnswerBlock,
  type PlaceTier,
} from '../../src/domain/orientation.ts';
import { projectRoot } from '../harness.ts';
import { communeTable, situationTable } from '../fixtures/orientation/table.ts';
import { loadRealContent, realContentDir } from '../helpers/real-content.ts';

const { catalog, issues } = await loadRealContent();
if (!catalog) throw new Error(`le contenu réel doit être valide : ${JSON.stringify(issues)}`);

const ids = (places: { id: string }[]) => places.map((p) => p.id);

const table = 'tests/fixtures/orientation/table.ts';

describe('orient() : ce qui tient pour toute commune et toute situation du contenu', () => {
  const situations = situationRules(catalog).map((r) => r.id);
  for (const commune of catalog.communes.map((c) => c.id)) {
    it(`${commune} : chaque situation mène à un guichet proche et au portail, des lieux proches vers les lointains`, () => {
      for (const situation of [undefined, ...situations]) {
        const answer = orient(catalog, { commune, situations: situation ? [situation] : [] });
        const keys = answer.blocks.map((b) => b.key);
        const where = `content/orientation/${situation ?? 'pour-tous'}.yaml, commune ${commune}`;
        // Nobody leaves without a way to register: a desk near home, and the portal.
        expect(keys, `${where} : pas de guichet proposé`).toContain('desks');
        expect(keys, `${where} : pas de portail proposé`).toContain('portal');
        for (const block of answer.blocks) {
          expect(
            block.forYou.length,
            `${where}, ${block.key} : « forYou » (ce qu’il fait pour vous) manque`,
          ).toBeGreaterThan(0);
          const tiers = block.places.map((a) => ['local', 'nearby', 'territory', 'outside'].indexOf(a.tier));
          expect(tiers, `${where}, ${block.key} : de la commune vers l’extérieur`).toEqual(
            [...tiers].sort((x, y) => x - y),
          );
        }
        const rule = situation ? situationRules(catalog).find((r) => r.id === situation)! : undefined;
        expect(
          answer.urgent.map((u) => u.text),
          `${where} : le message d’urgence (« urgent ») de la situation, et lui seul`,
        ).toEqual(rule?.urgent ? [rule.urgent] : []);
      }
    });
  }
});

describe('orient() : la table de la convention (articles 3 et 4), écrite à la main dans ' + table, () => {
  it('nomme des communes et des situations du contenu', () => {
    const communes = catalog.communes.map((c) => c.id);
    for (const id of Object.keys(communeTable))
      expect(communes, `${table} : commune « ${id} » absente de content/communes/`).toContain(id);
    const situations = situationRules(catalog).map((r) => r.id);
    for (const id of Object.keys(situationTable))
      expect(situations, `${table} : situation « ${id} » absente de content/orientation/`).toContain(id);
  });

  for (const [commune, expected] of Object.entries(communeTable)) {
    it(`${commune}, sans situation particulière : les lieux de la commune, puis les guichets proches, puis le portail`, () => {
      const answer = orient(catalog, { commune, situations: [] });
      const local = answer.blocks
        .flatMap((b) => b.places)
        .filter((a) => a.tier === 'local')
        .map((a) => a.place.id);
      const places = ids(proposedPlaces(answer));
      for (const id of expected.local)
        expect(local, `${id} : un lieu de la commune, proposé en premier (${table})`).toContain(id);
      for (const id of expected.desks) expect(places, id).toContain(id);
      for (const id of expected.never ?? []) expect(places, id).not.toContain(id);
      expect(answer.blocks.map((b) => b.kind)).toEqual(['desks', 'portal']);
    });

    for (const [situation, rule] of Object.entries(situationTable)) {
      it(`${commune} × ${situation}`, () => {
        const answer = orient(catalog, { commune, situations: [situation] });
        const keys = answer.blocks.map((b) => b.key);
        expect(keys.slice(0, rule.partners.length), 'les partenaires de la situation viennent d’abord').toEqual(
          rule.partners,
        );
        const places = ids(proposedPlaces(answer));
        for (const id of [...rule.places, ...expected.local, ...expected.desks]) expect(places, id).toContain(id);
      });
    }
  }
});

describe('orient() : ordre et combinaisons', () => {
  const first = catalog.communes[0]!.id;

  it('répond à plusieurs situations par l’union des réponses simples, dans le même ordre', () => {
    const situations = situationRules(catalog).map((r) => r.id);
    const everything = orient(catalog, { commune: first, situations }).blocks.map((b) => b.key);
    for (const a of situations) {
      for (const b of situations) {
        const keys = orient(catalog, { commune: first, situations: [a, b] }).blocks.map((x) => x.key);
        const single = new Set(
          [a, b].flatMap((s) => orient(catalog, { commune: first, situations: [s] }).blocks.map((x) => x.key)),
        );
        expect(new Set(keys)).toEqual(single);
        const withoutPortal = (list: string[]) => list.filter((k) => k !== 'portal');
        expect(withoutPortal(keys)).toEqual(withoutPortal(everything).filter((k) => keys.includes(k)));
      }
    }
  });

  it('garde, pour un partenaire commun à deux situations, le texte de chacune une seule fois', () => {
    const rules = situationRules(catalog);
    const partners = (rule: (typeof rules)[number]) =>
      rule.partners.flatMap((p) => (p.organisation ? [p.organisation] : []));
    for (const a of rules) {
      for (const b of rules) {
        const shared = a.id < b.id ? partners(a).filter((o) => partners(b).includes(o)) : [];
        for (const organisation of shared) {
          const block = orient(catalog, { commune: first, situations: [a.id, b.id] }).blocks.find(
            (x) => x.key === `organisation:${organisation}`,
          )!;
          expect(block.rules, `${a.id} et ${b.id} : ${organisation}`).toEqual(
            rules.filter((r) => r.id === a.id || r.id === b.id).map((r) => r.id),
          );
          expect(block.forYou).toHaveLength(2);
        }
      }
    }
  });

  it('refuse une commune ou une situation inconnue', () => {
    expect(() => orient(catalog, { commune: 'commune-inconnue', situations: [] })).toThrow(/commune inconnue/);
    expect(() => orient(catalog, { commune: first, situations: ['situation-inconnue'] })).toThrow(/situation inconnue/);
  });

  it('prévoit une page par commune et par commune × situation', () => {
    const pages = answerPages(catalog);
    expect(pages).toHaveLength(catalog.communes.length * (situationRules(catalog).length + 1));
  });
});

describe('les règles d’orientation sont du contenu vérifié', () => {
  async function contentWith(files: Record<string, string>) {
    const dir = await mkdtemp(join(tmpdir(), 'sai-orientation-'));
    await cp(realContentDir, dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, 'orientation', name), text);
    return loadContent(dir, projectRoot);
  }
  const rule = (partners: string) =>
    `order: 9\nquestion: Je suis étudiant\ntitle: Vous êtes étudiant\npartners:\n${partners}\nsources:\n  - title: Essai\n`;

  it('signale une organisation inconnue en nommant le fichier, avec une suggestion', async () => {
    const { catalog: none, issues: found } = await contentWith({
      'etudiant.yaml': rule('  - organisation: cllaj-oignie\n    forYou: Il vous aide.'),
    });
    expect(none).toBeUndefined();
    expect(found).toHaveLength(1);
    expect(found[0]!.file).toMatch(/orientation\/etudiant\.yaml$/);
    expect(found[0]!.field).toBe('partners[1].organisation');
    expect(found[0]!.message).toContain('cllaj-oignie');
  });

  it('signale un lieu inconnu, ou un lieu d’une autre organisation', async () => {
    const { issues: found } = await contentWith({
      'etudiant.yaml': rule('  - organisation: caf\n    places: [caf-carvn, mds-carvin]\n    forYou: Elle vous aide.'),
    });
    expect(found.map((i) => [i.field, i.message, i.hint])).toEqual([
      ['partners[1].places', 'lieu inconnu « caf-carvn »', 'vouliez-vous dire « caf-carvin » ?'],
      [
        'partners[1].places',
        'le lieu « mds-carvin » dépend de l’organisation « departement », pas de « caf »',
        undefined,
      ],
    ]);
  });

  it('refuse une ligne qui ne dit pas qui, ou une situation sans question, avec la ligne du fichier', async () => {
    const { issues: found } = await contentWith({
      'etudiant.yaml':
        'order: 9\ntitle: Vous êtes étudiant\npartners:\n  - forYou: Quelqu’un vous aide.\nsources:\n  - title: Essai\n',
    });
    expect(found.map((i) => `${i.file}:${i.line}`).sort()).toEqual([
      expect.stringMatching(/etudiant\.yaml:1$/),
      expect.stringMatching(/etudiant\.yaml:4$/),
    ]);
    const said = found.map((i) => `${i.message} ${i.expected ?? ''}`).join(' ');
    expect(said).toMatch(/un seul interlocuteur/);
    expect(said).toMatch(/sa question/);
  });
});

describe('placesByTier() : des réponses qui restent lisibles sur un grand territoire', () => {
  const model = catalog.places[0]!;
  /** A block with `counts[tier]` places of each tier, copies of a real place (only ids and tiers matter). */
  function block(counts: Partial<Record<PlaceTier, number>>): AnswerBlock {
    const places = (Object.entries(counts) as [PlaceTier, number][]).flatMap(([tier, count]) =>
      Array.from({ length: count }, (_, i) => ({
        place: { ...model, id: `${tier}-${i}` },
        tier,
        locality: 'X',
        rules: [tier === 'outside' ? 'r2' : 'r1'],
      })),
    );
    return { key: 'desks', kind: 'desks', forYou: [], places, rules: ['r1'] };
  }
  const shape = (b: AnswerBlock, limit?: number) =>
    placesByTier(b, limit).map((g) => [g.tier, g.places.length, g.more]);

  it('liste tous les lieux quand ils tiennent, comme pour chaque commune de la CAHC', () => {
    expect(shape(block({ local: 2, territory: 17, outside: 1 }))).toEqual([
      ['local', 2, 0],
      ['territory', 17, 0],
      ['outside', 1, 0],
    ]);
    for (const commune of catalog.communes) {
      for (const b of orient(catalog, { commune: commune.id, situations: situationRules(catalog).map((r) => r.id) })
        .blocks) {
        expect(
          placesByTier(b).every((g) => g.more === 0),
          `${commune.id} ${b.key}`,
        ).toBe(true);
      }
    }
  });

  it(`ne liste que ${farPlacesShown} lieux éloignés au plus, et compte les autres`, () => {
    expect(shape(block({ local: 3, nearby: 30, territory: 150, outside: 40 }))).toEqual([
      ['local', 3, 0],
      ['nearby', 30, 0],
      ['territory', farPlacesShown, 150 - farPlacesShown],
      ['outside', 0, 40],
    ]);
    expect(shape(block({ territory: 5, outside: 40 }), 10)).toEqual([
      ['territory', 5, 0],
      ['outside', 5, 35],
    ]);
  });

  it('garde les règles des lieux non listés, pour que le script montre le bon décompte', () => {
    const groups = placesByTier(block({ territory: 30, outside: 4 }), 10);
    expect(groups.find((g) => g.tier === 'outside')!.rules).toEqual(['r2']);
  });
});
