/**
 * Questions as applicants type them on a phone: whole sentences, « je », no accents, the odd typo,
 * none copied from a page title. Each must bring its page into the first three results, on the real
 * built index, through the search page's own pipeline (tests/search/questions.test.ts) and through the
 * page script in Chromium (tests/browser/search-questions.test.ts).
 *
 * « revenus maximum », « combien faut-il gagner » lead to the page of the income ceilings (/plafonds/);
 * who may apply at all (foreigners, the right to apply) stays on /infos/qui-peut-demander/.
 */
export const questions: [question: string, page: string][] = [
  // The score of a request.
  ['comment connaitre mes points', '/infos/cotation/'],
  ['combien j’ai de points sur ma demande', '/infos/cotation/'],
  ['comment est calculé mon classement', '/infos/cotation/'],
  ['pourquoi les autres passent avant moi', '/infos/cotation/'],
  ['c’est quoi la cotation', '/infos/cotation/'],
  // No roof tonight.
  ['je suis a la rue que faire', '/lieux/siao-henin-beaumont/'],
  ['je dors dans ma voiture', '/lieux/siao-henin-beaumont/'],
  ['je n’ai nulle part ou dormir ce soir', '/lieux/siao-henin-beaumont/'],
  ['je suis sdf et je cherche un toit', '/lieux/siao-henin-beaumont/'],
  ['on me met dehors demain', '/lieux/siao-henin-beaumont/'],
  // Employees of private firms.
  ['je travaille dans le privé', '/lieux/action-logement-arras/'],
  ['mon employeur peut il m’aider a me loger', '/lieux/action-logement-arras/'],
  ['je suis salarie dans une entreprise privee', '/lieux/action-logement-arras/'],
  // Income ceilings.
  ['revenus maximum pour avoir un hlm', '/plafonds/'],
  ['combien faut il gagner pour avoir droit a un logement social', '/plafonds/'],
  ['je gagne trop pour un hlm ?', '/plafonds/'],
  ['je suis etranger est ce que je peux demander', '/infos/qui-peut-demander/'],
  ['est ce que j’ai le droit de demander un logement', '/infos/qui-peut-demander/'],
  // Making the request.
  ['je veux un hlm comment faire', '/infos/faire-sa-demande/'],
  ['comment avoir un appartement social', '/infos/faire-sa-demande/'],
  ['faire la demande sur internet', '/infos/faire-sa-demande/'],
  ['est ce que c’est payant', '/infos/faire-sa-demande/'],
  ['j’ai besoin d’aide pour remplir le dossier', '/infos/faire-sa-demande/'],
  // Papers.
  ['quels papiers il faut amener', '/infos/pieces-a-fournir/'],
  ['j’ai pas d’avis d’impot', '/infos/pieces-a-fournir/'],
  ['mes papiers sont d’un autre pays', '/infos/pieces-a-fournir/'],
  ['faut il une fiche de paye', '/infos/pieces-a-fournir/'],
  // After the request.
  ['j’ai refusé un logement', '/infos/apres-la-demande/'],
  ['on m’a proposé un appartement mais il ne me plait pas', '/infos/apres-la-demande/'],
  ['ma demande a expiré', '/infos/apres-la-demande/'],
  ['j’ai oublié de renouveler', '/infos/apres-la-demande/'],
  ['ça fait 3 ans que j’attends', '/infos/apres-la-demande/'],
  ['je n’ai jamais de réponse', '/infos/apres-la-demande/'],
  ['comment savoir ou en est mon dossier', '/infos/apres-la-demande/'],
  ['j’ai perdu mon numéro de demande', '/infos/apres-la-demande/'],
  ['qui choisit à qui on donne les logements', '/infos/apres-la-demande/'],
  ['je me suis séparée de mon conjoint', '/infos/apres-la-demande/'],
  ['on vient d’avoir un bébé', '/infos/apres-la-demande/'],
  ['recours si on ne me propose rien', '/infos/apres-la-demande/'],
  // Already a social tenant (mutation), an offer received, particular situations.
  ['je suis déjà locataire hlm je veux changer', '/infos/deja-locataire/'],
  ['je suis en hlm et je veux un plus grand', '/infos/deja-locataire/'],
  ['on m’a proposé un logement que dois je faire', '/infos/une-offre-de-logement/'],
  ['combien de temps pour répondre a une proposition', '/infos/une-offre-de-logement/'],
  ['comment payer le dépôt de garantie', '/infos/une-offre-de-logement/'],
  ['je n’ai pas d’adresse pour recevoir mon courrier', '/infos/situations-particulieres/'],
  ['je suis victime de violences il faut porter plainte', '/infos/situations-particulieres/'],
  // Priority.
  ['mon mari me frappe', '/infos/publics-prioritaires/'],
  ['je vais être expulsé de mon appartement', '/infos/publics-prioritaires/'],
  ['mon logement est insalubre', '/infos/publics-prioritaires/'],
  ['notre appartement est trop petit pour la famille', '/infos/publics-prioritaires/'],
  ['je suis en fauteuil roulant', '/infos/publics-prioritaires/'],
  ['est ce que je passe en priorité', '/infos/publics-prioritaires/'],
  // Young people.
  ['j’ai 22 ans et je cherche un appart', '/lieux/cllaj-oignies/'],
  ['je suis étudiant je veux me loger', '/lieux/cllaj-oignies/'],
  // Other partners.
  ['toucher les apl', '/lieux/caf-carvin/'],
  ['mon proprio garde ma caution', '/lieux/adil-henin-beaumont/'],
  ['un conseil gratuit sur mon bail', '/lieux/adil-henin-beaumont/'],
  ['je veux parler a une assistante sociale', '/lieux/mds-henin-beaumont/'],
  // Where to go.
  ['a qui je dois m’adresser', '/orientation/'],
  ['vers qui me tourner', '/orientation/'],
  ['liste des endroits ou s’inscrire', '/ou-s-adresser/'],
  ['ou deposer mon dossier a henin beaumont', '/communes/henin-beaumont/'],
  ['je cherche un logement social a oignies', '/communes/oignies/'],
  ['j’habite a dourges ou aller', '/communes/dourges/'],
  ['horaires de la mairie de rouvroy', '/lieux/mairie-rouvroy/'],
  ['c’est quoi la différence entre niveau 1 et 2', '/infos/lieux-d-accueil/'],
  // Words and the service.
  ['que veut dire bailleur', '/infos/glossaire/'],
  ['qui s’occupe de ce service', '/infos/le-service-et-ses-partenaires/'],
  ['je voudrais une version papier a imprimer', '/plaquette/'],
  ['que faites vous de mes infos', '/donnees-personnelles/'],
];
