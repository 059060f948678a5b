/**
 * The key journeys of an applicant who uses a screen reader, driven with the keyboard only (Orca's
 * browse-mode keys: H next heading, K next link, T next table; Tab, Enter, Space; Orca's table keys
 * Alt+Shift+arrows). Each step waits for what Orca says, never for a fixed time: a journey is as fast
 * as the machine allows and fails only when an utterance does not come within a generous bound.
 *
 * `hear()` and `seek()` record what a person must hear (an expectation, in French) and the journey's
 * transcript is checked against them in order (checkTranscript, src/domain/screen-reader.ts). Page
 * titles come from the built pages themselves, so that an editor's change of wording does not break
 * a journey; the journeys pin only the structure the site promises (headings, labels, messages).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkTranscript, type Expectation, type TranscriptCheck } from '../../src/domain/screen-reader.ts';
import type { ScreenReader } from './stack.ts';

export interface JourneyContext {
  sr: ScreenReader;
  /** Address of a page of the served build (« plafonds/ »). */
  url(path: string): string;
  /** The page's <title>, read from the build. */
  titleOf(path: string): Promise<string>;
  /** Opens a page through the address bar and waits for its title. */
  open(path: string, what?: string): Promise<void>;
  /** Records an expectation and waits for an utterance that meets it. */
  hear(what: string, pattern: RegExp | string, timeout?: number): Promise<string>;
  /** Presses a key until Orca says something that meets the expectation (at most `max` times). */
  seek(what: string, key: string, pattern: RegExp | string, max?: number): Promise<string>;
  /** Presses keys and waits until Orca has said what they make it say. */
  press(...keys: string[]): Promise<void>;
  type(text: string): Promise<void>;
}

export interface Journey {
  id: string;
  /** In French, for the evidence and the declaration. */
  title: string;
  /** Ids of the audit sample pages the journey goes through (content/accessibility-audit/audit.yaml). */
  pages: string[];
  /** RGAA criteria whose rendering by the screen reader the journey checks. */
  criteria: string[];
  run(ctx: JourneyContext): Promise<void>;
}

export interface JourneyResult {
  id: string;
  title: string;
  pages: string[];
  criteria: string[];
  transcript: string[];
  expectations: Expectation[];
  check: TranscriptCheck;
  /** Why the journey stopped early, when it did. */
  error?: string;
  seconds: number;
}

const escape = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/ /g, '\\s+');
const sourceOf = (pattern: RegExp | string) => (typeof pattern === 'string' ? escape(pattern) : pattern.source);

/** Runs one journey on a started screen reader; never throws: a failure is in the result. */
export async function runJourney(
  journey: Journey,
  sr: ScreenReader,
  site: { url: (path: string) => string; dist: string },
): Promise<JourneyResult> {
  const started = Date.now();
  const first = await sr.mark();
  const expectations: Expectation[] = [];
  // Utterances before this index are spent: the next expectation is met after it.
  let cursor = first;

  const hear = async (what: string, pattern: RegExp | string, timeout = 45_000) => {
    const source = sourceOf(pattern);
    expectations.push({ what, pattern: source });
    const found = await sr.waitFor(new RegExp(source, 'iu'), { since: cursor, timeout });
    cursor = found.index + 1;
    return found.text;
  };
  const quiet = async (since: number) => {
    // Something new, then a short silence: the key's whole answer is in.
    await sr.waitFor(/./, { since, timeout: 20_000 }).catch(() => undefined);
    await sr.settle({ quiet: 500, timeout: 15_000 });
  };
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      const mark = await sr.mark();
      cursor = Math.max(cursor, mark);
      await sr.keys(key);
      await quiet(mark);
    }
  };
  const ctx: JourneyContext = {
    sr,
    url: site.url,
    titleOf: async (path) => {
      const html = await readFile(
        join(site.dist, path.replace(/^\//, ''), path.endsWith('/') || path === '' ? 'index.html' : ''),
        'utf8',
      );
      return decode(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '');
    },
    open: async (path, what = 'le titre de la page') => {
      const title = await ctx.titleOf(path);
      cursor = Math.max(cursor, await sr.mark());
      await sr.open(site.url(path));
      // The title itself is in the pattern, not in the expectation's words: an editor may change it.
      await hear(what, title, 120_000);
      await sr.settle({ quiet: 1000, timeout: 20_000 });
    },
    hear,
    seek: async (what, key, pattern, max = 30) => {
      const source = sourceOf(pattern);
      const regex = new RegExp(source, 'iu');
      for (let i = 0; i < max; i++) {
        const mark = await sr.mark();
        cursor = Math.max(cursor, mark);
        await sr.keys(key);
        await quiet(mark);
        const heard = (await sr.utterances()).slice(mark);
        const index = heard.findIndex((u) => regex.test(u.text));
        if (index !== -1) {
          expectations.push({ what, pattern: source });
          cursor = mark + index + 1;
          return heard[index]!.text;
        }
      }
      expectations.push({ what, pattern: source });
      throw new Error(`${what} : pas entendu après ${max} appuis sur ${key}`);
    },
    press,
    type: async (text) => {
      const mark = await sr.mark();
      cursor = Math.max(cursor, mark);
      await sr.type(text);
      await sr.settle({ quiet: 700, timeout: 15_000 });
    },
  };

  let error: string | undefined;
  try {
    await journey.run(ctx);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const transcript = (await sr.utterances()).slice(first).map((u) => u.text);
  return {
    id: journey.id,
    title: journey.title,
    pages: journey.pages,
    criteria: journey.criteria,
    transcript,
    expectations,
    check: checkTranscript(transcript, expectations),
    ...(error ? { error } : {}),
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, '’')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

// Orca's French words for what the journeys listen for (Orca 43, orca.mo).
const heading = (level: number) => `en-tête niveau ${level}`;
// « Mairie de Carvin lien. », « Après la demande lien en-tête niveau 2. » (a link in a heading).
const linkSpoken = / lien( en-tête niveau \d)?\.?$/;
const linkName = (spoken: string) => spoken.replace(linkSpoken, '');

export const journeys: Journey[] = [
  {
    id: 'commune-lieu',
    title: 'De l’accueil à un lieu d’accueil : « Où s’adresser dans ma commune ? », une commune, un lieu',
    pages: ['accueil', 'commune'],
    criteria: ['6.1', '8.5', '8.6', '9.1', '9.2', '12.6'],
    run: async (ctx) => {
      await ctx.open('');
      await ctx.hear('le résumé de la page (points de repère, en-têtes, liens)', /La page possède .*en-têtes/);
      await ctx.seek(
        'le titre « Où s’adresser dans ma commune ? », niveau 2, atteint avec H',
        'h',
        new RegExp(`Où s’adresser dans ma commune.*${heading(2)}`),
      );
      await ctx.seek('le lien de la commune « Hénin-Beaumont », atteint avec K', 'k', /^Hénin-Beaumont lien/);
      await ctx.press('Return');
      await ctx.hear('le titre de la page de la commune', await ctx.titleOf('communes/henin-beaumont/'), 120_000);
      await ctx.seek(
        'le titre « Les lieux d’accueil », niveau 2',
        'h',
        new RegExp(`Les lieux d’accueil à Hénin-Beaumont.*${heading(2)}`),
      );
      const place = await ctx.seek('le premier lieu, un lien', 'k', linkSpoken);
      await ctx.press('Return');
      const name = linkName(place);
      await ctx.hear('le titre de la page du lieu', `Chargement de ${name}`, 120_000);
      await ctx.seek('le nom du lieu, titre de niveau 1', 'h', new RegExp(`${escape(name)}.*${heading(1)}`));
      await ctx.seek(
        'le titre « Adresse, téléphone, horaires », niveau 2',
        'h',
        new RegExp(`Adresse, téléphone, horaires.*${heading(2)}`),
      );
    },
  },
  {
    id: 'recherche',
    title: 'La recherche : taper une question, entendre le nombre de résultats, aller au premier résultat',
    pages: ['recherche'],
    criteria: ['7.1', '7.5', '11.1', '11.2', '12.5'],
    run: async (ctx) => {
      await ctx.open('recherche/');
      await ctx.seek(
        'le champ de recherche de la page, avec son étiquette',
        'Tab',
        /Que cherchez-vous.*zone de saisie/,
        14,
      );
      // A real question, in the applicant's words; its results depend on the content, not their number.
      await ctx.type('renouveler ma demande');
      await ctx.hear(
        'le nombre de résultats, annoncé sans déplacer le focus',
        /\d+ résultats? pour « renouveler ma demande »/,
        45_000,
      );
      const result = await ctx.seek('le premier résultat, un lien', 'Tab', linkSpoken, 10);
      await ctx.press('Return');
      await ctx.hear(
        'le titre de la page du premier résultat',
        `Chargement de ${linkName(result).slice(0, 25)}`,
        120_000,
      );
    },
  },
  {
    id: 'orientation',
    title: '« Où m’adresser ? » : choisir sa commune et sa situation, entendre la réponse',
    pages: ['orientation'],
    criteria: ['7.1', '7.4', '7.5', '11.1', '11.2', '11.5', '11.6'],
    run: async (ctx) => {
      await ctx.open('orientation/');
      await ctx.seek(
        'le titre du formulaire, niveau 2',
        'h',
        new RegExp(`Répondez à deux questions.*${heading(2)}`),
        4,
      );
      // Said before the answer changes the page (RGAA 7.4): the line after the form's title.
      await ctx.press('Down');
      await ctx.hear(
        'l’avertissement : la réponse s’affiche dès que vous répondez',
        /La réponse s’affiche sous les questions dès que vous répondez/,
        20_000,
      );
      await ctx.seek(
        'la question de la commune, une liste déroulante',
        'Tab',
        /Dans quelle commune habitez-vous.*liste déroulante/,
        12,
      );
      await ctx.type('Carvin');
      await ctx.hear('la réponse pour la commune, annoncée', /Réponse mise à jour pour Carvin/, 45_000);
      await ctx.seek(
        'la question « Je suis jeune et je cherche un logement », une case à cocher dans son groupe',
        'Tab',
        /Je suis jeune et je cherche un logement.*case à cocher/,
        10,
      );
      await ctx.press('space');
      await ctx.hear('la case cochée', /coché/);
      await ctx.hear(
        'la réponse mise à jour, annoncée',
        /Réponse mise à jour pour Carvin\s*: \d+ interlocuteurs? ci-dessous/,
      );
      await ctx.seek('le lien « Aller à la réponse »', 'Tab', /Aller à la réponse lien/, 12);
      await ctx.press('Return');
      // The link moves the focus to the answer, which Orca reads: it starts with the situation chosen.
      await ctx.hear(
        'la réponse, lue dès que le lien y mène, pour la situation choisie',
        /^Vous êtes jeune\..{40,}/,
        30_000,
      );
    },
  },
  {
    id: 'plafonds',
    title:
      'Le formulaire des plafonds : un revenu mal écrit (l’erreur est annoncée), puis un revenu juste (le résultat est annoncé)',
    pages: ['plafonds'],
    criteria: ['7.1', '7.5', '11.1', '11.2', '11.10', '11.11'],
    run: async (ctx) => {
      await ctx.open('plafonds/');
      await ctx.seek(
        'la question du nombre de personnes, une liste déroulante',
        'Tab',
        /Combien de personnes.*liste déroulante/,
        12,
      );
      await ctx.seek(
        'la question du revenu, un champ de saisie avec son étiquette',
        'Tab',
        /4\. Facultatif.*revenu fiscal de référence/,
        8,
      );
      await ctx.type('trente mille');
      await ctx.hear('le message d’erreur, annoncé', /Écrivez le revenu en chiffres/, 30_000);
      await ctx.press('ctrl+a', 'BackSpace');
      await ctx.type('30000');
      await ctx.seek(
        'le bouton « Voir ma catégorie et mon plafond »',
        'Tab',
        /Voir ma catégorie et mon plafond bouton/,
        4,
      );
      await ctx.press('Return');
      // In the order of the result on the page: Orca may read the region twice, but its first
      // reading, the one that must come, starts with the category.
      await ctx.hear('le résultat : la catégorie du foyer', /Votre foyer est en catégorie \d/, 30_000);
      await ctx.hear(
        'le résultat : le revenu comparé au plafond',
        /Votre revenu \(30 000 €\) (est en dessous du|est égal au|dépasse le) plafond/,
      );
    },
  },
  {
    id: 'plaquette-tableau',
    title: 'La page de la plaquette, puis une page d’information avec un tableau (en-têtes lus avec les cellules)',
    pages: ['plaquette'],
    criteria: ['5.4', '5.6', '5.7', '6.1', '9.1', '13.3'],
    run: async (ctx) => {
      await ctx.open('plaquette/');
      await ctx.seek(
        'le titre « La plaquette générale », niveau 2',
        'h',
        new RegExp(`La plaquette générale.*${heading(2)}`),
      );
      await ctx.seek(
        'le lien du PDF, avec son format et son poids',
        'k',
        /Plaquette générale \(PDF, \d+\s*Ko\) lien/,
        5,
      );
      await ctx.open('infos/qui-peut-demander/', 'le titre de la page d’information');
      await ctx.seek('le tableau, avec son titre et sa taille', 't', /tableau.*(lignes|colonnes)/i, 3);
      await ctx.seek('la première cellule, un en-tête de ligne', 'alt+shift+Down', /Catégorie 1/, 3);
      await ctx.press('alt+shift+Right');
      await ctx.hear('la cellule voisine : le plafond de la catégorie 1', /\d €/);
      await ctx.press('alt+shift+Down');
      await ctx.hear('en changeant de ligne, l’en-tête de la nouvelle ligne', /Catégorie 2/);
      await ctx.hear('puis sa cellule', /\d €/);
    },
  },
];
