import { describe, expect, it } from 'vitest';
import { checkTranscript, speechOf } from '../../src/domain/screen-reader.ts';
import { breakCeilings } from '../fixtures/screen-reader/broken-ceilings.ts';

describe('le journal d’Orca', () => {
  it('garde chaque énoncé, dans l’ordre, sans les réglages de voix ni les autres lignes', () => {
    const log = [
      'INFO: Cleaning up these PIDs: []',
      "10:50:31.567314 - SPEECH OUTPUT: 'Lecteur d’écran activé.'{'established': False}",
      '10:50:31.600000 - WEB: Looking for first caret context',
      "11:31:19.755041 - SPEECH OUTPUT: 'Catégorie 2'[{'established': False}]",
      "11:31:20.000000 - SPEECH OUTPUT: 'L'aide d'un tiers' voice=system{'family': {'name': 'fr'}}",
      "11:31:20.100000 - SPEECH OUTPUT: '   '{'established': False}",
      "11:31:20.200000 - SPEECH OUTPUT: 'Ligne 2,\u00a0colonne  2.'",
    ].join('\n');
    expect(speechOf(log)).toEqual([
      { time: '10:50:31.567314', text: 'Lecteur d’écran activé.' },
      { time: '11:31:19.755041', text: 'Catégorie 2' },
      { time: '11:31:20.000000', text: "L'aide d'un tiers" },
      { time: '11:31:20.200000', text: 'Ligne 2, colonne 2.' },
    ]);
    expect(speechOf('')).toEqual([]);
  });
});

describe('ce qu’une personne doit entendre', () => {
  const transcript = [
    'Plafonds document web.',
    'Écrivez le revenu en chiffres.',
    'zone de saisie',
    'Votre foyer est en catégorie 1.',
  ];
  it('chaque attente est remplie par un énoncé qui suit celui de la précédente', () => {
    const check = checkTranscript(transcript, [
      { what: 'le titre', pattern: 'Plafonds' },
      { what: 'l’erreur', pattern: 'écrivez le revenu' },
      { what: 'le résultat', pattern: 'catégorie \\d' },
    ]);
    expect(check.missing).toEqual([]);
    expect(check.heard.map((h) => h.utterance)).toEqual([
      'Plafonds document web.',
      'Écrivez le revenu en chiffres.',
      'Votre foyer est en catégorie 1.',
    ]);
  });
  it('une attente non entendue, ou entendue trop tôt, manque', () => {
    const check = checkTranscript(transcript, [
      { what: 'le résultat', pattern: 'catégorie \\d' },
      { what: 'l’erreur, après le résultat', pattern: 'Écrivez le revenu' },
      { what: 'une alerte', pattern: 'alerte' },
    ]);
    expect(check.missing.map((m) => m.what)).toEqual(['l’erreur, après le résultat', 'une alerte']);
    expect(check.heard[1]).toEqual({ what: 'l’erreur, après le résultat', pattern: 'Écrivez le revenu' });
  });
});

describe('la page des plafonds cassée exprès (tests/fixtures/screen-reader/)', () => {
  const page =
    '<label for="plafond-revenu">4. Le revenu</label><input id="plafond-revenu" aria-describedby="plafond-revenu-aide plafond-revenu-erreur"><p class="e" id="plafond-revenu-erreur" role="alert" data-ceilings-error></p>';
  it('retire l’étiquette, ou la zone dynamique et la description de l’erreur', () => {
    expect(breakCeilings(page, 'unlabelled')).toBe(
      '<input id="plafond-revenu" aria-describedby="plafond-revenu-aide plafond-revenu-erreur"><p class="e" id="plafond-revenu-erreur" role="alert" data-ceilings-error></p>',
    );
    expect(breakCeilings(page, 'silentError')).toBe(
      '<label for="plafond-revenu">4. Le revenu</label><input id="plafond-revenu" aria-describedby="plafond-revenu-aide"><p class="e" id="plafond-revenu-erreur" data-ceilings-error></p>',
    );
  });
  it('refuse une page où le défaut ne s’applique plus, plutôt que de ne rien casser', () => {
    expect(() => breakCeilings('<input id="plafond-revenu">', 'unlabelled')).toThrow(/ne s’applique plus/);
    expect(() => breakCeilings('<p id="plafond-revenu-erreur" role="status"></p>', 'silentError')).toThrow(
      /ne s’applique plus/,
    );
  });
});
