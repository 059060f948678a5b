/**
 * The search page in the browser. Nothing of Pagefind is loaded until the person types or submits:
 * the page costs only this small script until then. Everything that decides what is found lives in
 * src/domain/search.ts, shared with the tests.
 */
import {
  describeResult,
  fewResults,
  filterNames,
  pagefindOptions,
  resultSummary,
  searchSite,
  type PagefindApi,
  type PagefindResult,
  type SearchFilters,
  type SearchVocabulary,
} from '../domain/search.ts';

// Each result shown downloads its page's fragment (1 to 4 kB): the first three fill a phone's screen,
// are where the test questions must find their page, and keep the first search within its budget
// (100 KiB: four no longer fit once /plafonds/ and the new topics joined the index); "Afficher plus"
// adds ten at a time.
const firstPage = 3;
const pageSize = 10;
const typingDelay = 300;

let pagefind: Promise<PagefindApi> | undefined;
let lexicon: Promise<readonly string[]> | undefined;

function loadPagefind(bundle: string): Promise<PagefindApi> {
  pagefind ??= import(/* @vite-ignore */ `${bundle}pagefind.js`).then(
    async (module: PagefindApi & { options(o: object): Promise<void> }) => {
      // On the main thread: for an index this small, a worker only adds its own 43 kB script.
      await module.options({ ...pagefindOptions, noWorker: true });
      return module;
    },
  );
  return pagefind;
}

function loadLexicon(url: string): Promise<readonly string[]> {
  lexicon ??= fetch(url)
    .then((response) => (response.ok ? (response.json() as Promise<string[]>) : []))
    .catch(() => []);
  return lexicon;
}

/** The vocabulary the page carries (src/pages/recherche.astro); without it, questions are searched word for word. */
function readVocabulary(json: string | undefined): SearchVocabulary | undefined {
  try {
    return json ? (JSON.parse(json) as SearchVocabulary) : undefined;
  } catch {
    return undefined;
  }
}

/** Pagefind's excerpt is text with <mark> around the words found: rebuilt as nodes, never as HTML. */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html').body.firstElementChild;
  const nodes: Node[] = [];
  for (const child of Array.from(parsed?.childNodes ?? [])) {
    if (child.nodeName === 'MARK') {
      // Pagefind marks "Carvin," whole: the punctuation stays outside the highlight.
      const [, word = '', after = ''] = /^(.*?)(\p{P}*)$/su.exec(child.textContent ?? '') ?? [];
      const mark = document.createElement('mark');
      mark.textContent = word;
      nodes.push(mark, document.createTextNode(after));
    } else {
      nodes.push(document.createTextNode(child.textContent ?? ''));
    }
  }
  return nodes;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  node.append(...children);
  return node;
}

async function renderResults(list: HTMLOListElement, results: PagefindResult[]): Promise<HTMLAnchorElement[]> {
  const views = (await Promise.all(results.map((result) => result.data()))).map(describeResult);
  return views.map((view) => {
    const link = document.createElement('a');
    link.href = view.url;
    link.textContent = view.title;
    const item = element('li', 'search-result', element('h2', 'search-result__title', link));
    if (view.kind || view.details.length > 0) {
      const metaLine = element('p', 'search-result__meta');
      if (view.kind) metaLine.append(element('span', 'search-result__kind', view.kind));
      if (view.details.length > 0) metaLine.append(`${view.kind ? ' · ' : ''}${view.details.join(' · ')}`);
      item.append(metaLine);
    }
    if (view.excerpt) item.append(element('p', 'search-result__excerpt', ...excerptNodes(view.excerpt)));
    list.append(item);
    return link;
  });
}

export function initSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const failure = document.querySelector<HTMLElement>('[data-search-error]');
  const output = document.querySelector<HTMLElement>('[data-search-results]');
  if (!form || !status || !output) return;
  const input = form.elements.namedItem('q') as HTMLInputElement;
  const selects = filterNames.map((name) => form.elements.namedItem(name) as HTMLSelectElement | null);
  const bundle = form.dataset.bundle!;
  const lexiconUrl = form.dataset.lexicon!;
  const vocabulary = readVocabulary(form.dataset.vocabulary);
  const wayOn = document.querySelector<HTMLElement>('[data-search-way-on]');
  document.querySelector<HTMLElement>('[data-search-without-script]')?.setAttribute('hidden', '');

  // Values from the address: the header's form (and this one, before the script ran) submit here.
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  selects.forEach((select) => {
    const value = select && params.get(select.name);
    if (select && value && Array.from(select.options).some((option) => option.value === value)) select.value = value;
  });

  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const filters = (): SearchFilters =>
    Object.fromEntries(selects.filter((s): s is HTMLSelectElement => Boolean(s?.value)).map((s) => [s.name, s.value]));

  if (Object.keys(filters()).length > 0) document.querySelector('[data-search-refine]')?.setAttribute('open', '');

  const remember = (query: string, active: SearchFilters) => {
    const next = new URLSearchParams();
    if (query) next.set('q', query);
    for (const [name, value] of Object.entries(active)) if (value) next.set(name, value);
    const search = next.toString();
    history.replaceState(null, '', search ? `${location.pathname}?${search}` : location.pathname);
  };

  const run = async () => {
    const current = ++latest;
    const query = input.value.trim();
    const active = filters();
    remember(query, active);
    if (failure) failure.textContent = '';
    if (!query && Object.keys(active).length === 0) {
      output.replaceChildren();
      status.textContent = '';
      wayOn?.setAttribute('hidden', '');
      return;
    }
    let outcome;
    try {
      // The site's lexicon, to correct typos, is fetched only if a search finds little (searchSite).
      outcome = await searchSite(await loadPagefind(bundle), query, {
        filters: active,
        lexicon: () => loadLexicon(lexiconUrl),
        vocabulary,
      });
    } catch {
      if (current !== latest) return;
      status.textContent = '';
      if (failure)
        failure.textContent =
          'La recherche n’a pas pu se charger. Parcourez le plan du site ou l’annuaire des lieux, en bas de cette page.';
      output.replaceChildren();
      return;
    }
    if (!outcome || current !== latest) return;
    const { results } = outcome;
    const list = element('ol', 'search-results');
    const first = await renderResults(list, results.slice(0, firstPage));
    if (current !== latest) return;
    output.replaceChildren();
    if (first.length > 0) output.append(list);
    else {
      const help = element(
        'p',
        'search-page__help',
        'Essayez un autre mot, plus court, ou sans le filtre choisi. Les sujets les plus cherchés sont listés plus bas.',
      );
      output.append(help);
    }
    if (results.length > firstPage) {
      let shown = firstPage;
      const more = element('button', 'button button--secondary search-page__more', 'Afficher plus de résultats');
      more.type = 'button';
      more.addEventListener('click', async () => {
        const links = await renderResults(list, results.slice(shown, shown + pageSize));
        shown += links.length;
        links[0]?.focus();
        if (shown >= results.length) more.remove();
      });
      output.append(more);
    }
    // Few or only approximate results: the orientation tool and the commune pages are a way on.
    const weak = results.length < fewResults || outcome.partial;
    wayOn?.toggleAttribute('hidden', !weak);
    status.textContent = `${resultSummary(results.length, outcome, query)}${weak && wayOn ? ' D’autres pistes sont proposées sous les résultats.' : ''}`;
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, typingDelay);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run();
  });
  for (const select of selects) select?.addEventListener('change', () => void run());

  if (input.value || Object.keys(filters()).length > 0) void run();
}
