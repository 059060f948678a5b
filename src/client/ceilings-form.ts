/**
 * The « Trouver ma catégorie » form of /plafonds/, in the browser. The household rule, the ceiling
 * and the verdict live in src/domain/ceilings.ts (shared with the pages and the tests); the figures
 * come from the page (data-table), built from content/data/income-ceilings.yaml. Nothing is sent,
 * nothing is stored: the form is never submitted.
 */
import {
  ceilingFor,
  ceilingVerdict,
  householdCategory,
  parseAmount,
  unsettledExtraSentence,
  type CeilingTable,
  type Composition,
} from '../domain/ceilings.ts';
import { formatEuros } from '../domain/money.ts';

function paragraph(...children: (Node | string)[]): HTMLParagraphElement {
  const p = document.createElement('p');
  p.append(...children);
  return p;
}

function strong(text: string): HTMLElement {
  const node = document.createElement('strong');
  node.textContent = text;
  return node;
}

export function initCeilingsForm(): void {
  const form = document.querySelector<HTMLFormElement>('[data-ceilings-form]');
  if (!form) return;
  const table = JSON.parse(form.dataset.table!) as CeilingTable;
  const categoryUrl = form.dataset.categoryUrl!;
  const result = form.querySelector<HTMLElement>('[data-ceilings-result]')!;
  const persons = form.querySelector<HTMLSelectElement>('select[name="personnes"]')!;
  const disability = form.querySelector<HTMLInputElement>('input[name="handicap"]')!;
  const income = form.querySelector<HTMLInputElement>('input[name="revenu"]')!;
  const incomeError = form.querySelector<HTMLElement>('[data-ceilings-error]')!;
  // Written only when it changes, so that a screen reader says it once, not at every key.
  const showIncomeError = (message: string) => {
    if (incomeError.textContent !== message) incomeError.textContent = message;
    if (message) income.setAttribute('aria-invalid', 'true');
    else income.removeAttribute('aria-invalid');
  };

  const update = () => {
    const composition = (form.querySelector<HTMLInputElement>('input[name="composition"]:checked')?.value ??
      'other') as Composition;
    const household = householdCategory({
      persons: Number(persons.value),
      composition,
      disability: disability.checked,
    });
    const ceiling = ceilingFor(table, household)!;
    const parts: Node[] = [];
    const extra =
      household.extraPersons > 0
        ? `, avec ${household.extraPersons} personne${household.extraPersons > 1 ? 's' : ''} de plus`
        : '';
    parts.push(paragraph(strong(`Votre foyer est en catégorie ${household.category}${extra}.`)));
    parts.push(
      paragraph(
        `Plafond ${table.year} pour un logement ${table.product}\u202f: `,
        strong(formatEuros(ceiling)),
        ` de revenu fiscal de référence ${table.incomeYear} pour tout le foyer.`,
      ),
    );
    // Six persons or more with a disability or a single parent: the text does not settle it, the page neither.
    const unsettled = unsettledExtraSentence(table, household);
    if (unsettled) parts.push(paragraph(unsettled));
    const typed = income.value.trim();
    const amount = typed ? parseAmount(typed) : undefined;
    showIncomeError(typed && amount === undefined ? 'Écrivez le revenu en chiffres, par exemple 23\u202f500.' : '');
    if (typed && amount !== undefined) {
      const verdict = ceilingVerdict(amount, ceiling);
      const said = formatEuros(amount);
      // The PLUS ceiling: the PLAI homes, for the lowest incomes, have lower ceilings.
      const below = ` Vos revenus permettent un logement ${table.product}, le logement social le plus courant. Les logements PLAI, pour les revenus les plus modestes, ont des plafonds plus bas.`;
      if (verdict === 'under')
        parts.push(paragraph(strong(`Votre revenu (${said}) est en dessous du plafond.`), below));
      else if (verdict === 'equal')
        parts.push(paragraph(strong(`Votre revenu (${said}) est égal au plafond.`), ' Il ne le dépasse pas.', below));
      else {
        parts.push(
          paragraph(strong(`Votre revenu (${said}) dépasse le plafond de ${formatEuros(amount - ceiling)}.`)),
          paragraph(
            'Vous pouvez quand même faire une demande. Certains logements sociaux, les PLS, acceptent des revenus plus élevés. Et les revenus sont vérifiés au moment où un logement vous est proposé.',
          ),
        );
      }
    }
    if (!table.verified)
      parts.push(
        paragraph(strong('Attention\u202f: ces montants sont à vérifier'), ' auprès d’un guichet enregistreur.'),
      );
    const link = document.createElement('a');
    link.href = categoryUrl.replace('__n__', String(household.category));
    link.textContent = `La catégorie ${household.category} en détail`;
    parts.push(paragraph(link));
    result.replaceChildren(...parts);
  };

  form.addEventListener('change', update);
  form.addEventListener('input', (event) => {
    if (event.target === income) update();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
    result.focus();
  });
  // The questions replace the links that stand for them without the script.
  for (const fallback of document.querySelectorAll<HTMLElement>('[data-ceilings-without-script]'))
    fallback.hidden = true;
  form.hidden = false;
}
