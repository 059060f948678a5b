import { join } from 'node:path';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content-loader/load.ts';
import { emergencyHref, emergencyNumbers, leafletEmergencyNumbers } from '../../src/domain/emergency.ts';
import { ofPlace } from '../../src/domain/format.ts';
import {
  answerPath,
  orient,
  parseSituations,
  sheetPlaces,
  sheetPlacesShown,
  situationRules,
} from '../../src/domain/orientation.ts';
import { qrSvg } from '../../src/domain/qr.ts';
import { emergencyNumbersSchema } from '../../src/schemas/emergency.ts';
import { communeSchema } from '../../src/schemas/commune.ts';
import { orientationSchema } from '../../src/schemas/orientation.ts';
import { projectRoot } from '../harness.ts';

const { catalog, issues } = await loadContent(join(projectRoot, 'content'), projectRoot);
if (!catalog) throw new Error(`le contenu réel doit être valide : ${JSON.stringify(issues)}`);

describe('ofPlace() : « de » devant un nom de commune', () => {
  it('élide devant une voyelle, accentuée ou non', () => {
    expect(ofPlace('Évin-Malmaison')).toBe('d’Évin-Malmaison');
    expect(ofPlace('Oignies')).toBe('d’Oignies');
    expect(ofPlace('Annay')).toBe('d’Annay');
    expect(ofPlace('Carvin')).toBe('de Carvin');
  });
  it('n’élide devant un h que si la commune le dit (h muet ou aspiré ne se voit pas)', () => {
    expect(ofPlace('Hénin-Beaumont', true)).toBe('d’Hénin-Beaumont');
    expect(ofPlace('Hénin-Beaumont')).toBe('de Hénin-Beaumont');
    expect(ofPlace('Hem', false)).toBe('de Hem');
    expect(ofPlace('Yerres')).toBe('de Yerres');
  });
  it('contracte l’article : du, des', () => {
    expect(ofPlace('Le Touquet-Paris-Plage')).toBe('du Touquet-Paris-Plage');
    expect(ofPlace('Les Mureaux')).toBe('des Mureaux');
    expect(ofPlace('La Bassée')).toBe('de La Bassée');
    // A name that only starts with the letters of an article.
    expect(ofPlace('Lens')).toBe('de Lens');
    expect(ofPlace('Lestrem')).toBe('de Lestrem');
  });
  it('le schéma refuse autre chose que true ou false', () => {
    const base = { name: 'Hem', insee: '59299', postcode: '59510', sources: [{ title: 'COG' }] };
    expect(communeSchema.safeParse({ ...base, elision: false }).success).toBe(true);
    expect(communeSchema.safeParse({ ...base, elision: 'oui' }).success).toBe(false);
  });
});

describe('les numéros d’urgence', () => {
  it('chaque numéro du contenu dit quand appeler et a une source', () => {
    const numbers = emergencyNumbers(catalog);
    expect(numbers.length).toBeGreaterThan(0);
    for (const entry of numbers) {
      expect(entry.when.length, entry.id).toBeGreaterThan(10);
      expect(entry.sources.length, entry.id).toBeGreaterThan(0);
    }
    expect(leafletEmergencyNumbers(catalog).every((entry) => entry.leaflet)).toBe(true);
  });
  it('un lien tel: pour appeler, sms: pour écrire', () => {
    expect(emergencyHref({ number: '115', mode: 'call' })).toBe('tel:115');
    expect(emergencyHref({ number: '114', mode: 'sms' })).toBe('sms:114');
  });
  it('le schéma refuse un numéro sans source, un numéro long, un identifiant en double', () => {
    const entry = {
      id: 'samu-social',
      number: '115',
      name: 'Samu social',
      when: 'Sans abri ce soir.',
      how: 'Gratuit.',
      sources: [{ title: 'service-public.fr' }],
    };
    expect(emergencyNumbersSchema.safeParse({ numbers: [entry] }).success).toBe(true);
    expect(emergencyNumbersSchema.safeParse({ numbers: [{ ...entry, sources: [] }] }).success).toBe(false);
    expect(emergencyNumbersSchema.safeParse({ numbers: [{ ...entry, number: '0800123456' }] }).success).toBe(false);
    expect(emergencyNumbersSchema.safeParse({ numbers: [entry, entry] }).success).toBe(false);
  });
  it('un identifiant inconnu demandé par une page est une erreur, pas un bloc vide', () => {
    expect(() => emergencyNumbers(catalog, ['inconnu'])).toThrow(/inconnu/);
  });
  it('les situations où la personne peut être en danger ou sans toit commencent par eux', () => {
    const parse = (extra: object) =>
      orientationSchema.safeParse({
        order: 1,
        question: 'Q',
        title: 'T',
        partners: [{ portal: true, forYou: 'x' }],
        sources: [{ title: 's' }],
        ...extra,
      });
    expect(parse({ emergency: true }).success).toBe(true);
    expect(parse({ emergency: 'oui' }).success).toBe(false);
    expect(situationRules(catalog).some((rule) => rule.emergency)).toBe(true);
  });
});

describe('la réponse imprimée', () => {
  const order = situationRules(catalog).map((rule) => rule.id);
  it('a une adresse pour chaque choix : la page de la situation, de la commune, ou ?situations=', () => {
    expect(answerPath('carvin', [], order)).toBe('orientation/carvin/');
    expect(answerPath('carvin', [order[1]!], order)).toBe(`orientation/carvin/${order[1]}/`);
    // In the order of the questions, whatever the order of the clicks; each once.
    expect(answerPath('carvin', [order[2]!, order[0]!, order[2]!], order)).toBe(
      `orientation/carvin/?situations=${order[0]},${order[2]}`,
    );
  });
  it('relit ?situations= : les situations connues, dans l’ordre des questions', () => {
    expect(parseSituations(`?situations=${order[2]},inconnue,${order[0]}`, order)).toEqual([order[0], order[2]]);
    expect(parseSituations('', order)).toEqual([]);
    expect(parseSituations('?autre=1', order)).toEqual([]);
  });
  it(`garde au plus ${sheetPlacesShown} lieux, le plus proche de chaque interlocuteur d’abord`, () => {
    for (const commune of catalog.communes) {
      for (const situations of [[], ...order.map((id) => [id]), order.slice(0, 2)]) {
        const answer = orient(catalog, { commune: commune.id, situations });
        const sheet = sheetPlaces(answer);
        const blocks = answer.blocks.filter((block) => block.places.length > 0);
        expect(sheet.length).toBe(
          Math.min(
            sheetPlacesShown,
            blocks.reduce((sum, block) => sum + block.places.length, 0),
          ),
        );
        // Each block's nearest place comes before any block's second one.
        const firsts = blocks.slice(0, sheetPlacesShown).map((block) => block.places[0]!.place.id);
        expect(sheet.slice(0, firsts.length).map((entry) => entry.answer.place.id)).toEqual(firsts);
      }
    }
  });
  it('dessine un code QR qui se relit à l’adresse exacte', () => {
    const url = 'https://www.example.fr/logement-social/orientation/carvin/?situations=moins-de-30-ans,en-ligne';
    const svg = qrSvg(url, 'Code QR');
    const side = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)![1]);
    const scale = 4;
    const data = new Uint8ClampedArray(side * scale * side * scale * 4).fill(255);
    for (const [, x, y, w] of svg.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < Number(w) * scale; dx++) {
          const offset = ((Number(y) * scale + dy) * side * scale + Number(x) * scale + dx) * 4;
          data[offset] = data[offset + 1] = data[offset + 2] = 0;
        }
      }
    }
    expect(jsQR(data, side * scale, side * scale)?.data).toBe(url);
    expect(svg).toContain('aria-label="Code QR"');
  });
});
