/**
 * Search with Pagefind's index (built by `npm run build` into `/pagefind/`). The query lives
 * in the URL (`/search/?q=firmware`), so a search can be shared. Without JavaScript the page
 * offers the site's lists instead.
 */
interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
}

const MAX_RESULTS = 20;

async function setUp(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('#search-form');
  const input = document.querySelector<HTMLInputElement>('#search-q');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const fallback = document.querySelector<HTMLElement>('#search-fallback');
  if (!form || !input || !status || !list) return;
  if (fallback) fallback.hidden = true;

  let pagefind: Pagefind | undefined;
  const load = async () => {
    // A runtime URL: the index does not exist when the site's scripts are bundled.
    const url = '/pagefind/pagefind.js';
    pagefind ??= (await import(/* @vite-ignore */ url)) as Pagefind;
    return pagefind;
  };

  async function run(query: string): Promise<void> {
    const q = query.trim();
    list!.replaceChildren();
    if (!q) {
      status!.textContent = '';
      return;
    }
    status!.textContent = 'Searching…';
    try {
      const pf = await load();
      const search = await pf.search(q);
      const results = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
      const total = search.results.length;
      status!.textContent =
        total === 0
          ? `No pages match “${q}”.`
          : `${total} page${total === 1 ? '' : 's'} match “${q}”${total > MAX_RESULTS ? `; the first ${MAX_RESULTS} are shown` : ''}.`;
      for (const r of results) {
        const li = document.createElement('li');
        li.className = 'sec-results__item';
        const h = document.createElement('h2');
        h.className = 'govuk-heading-s sec-results__title';
        const a = document.createElement('a');
        a.className = 'govuk-link';
        a.href = r.url;
        a.textContent = r.meta.title ?? r.url;
        h.append(a);
        const p = document.createElement('p');
        p.className = 'govuk-body-s';
        // Pagefind's excerpt is text from our own pages with the matches in <mark>.
        p.innerHTML = r.excerpt;
        li.append(h, p);
        list!.append(li);
      }
    } catch {
      status!.textContent = 'Search is not available right now. Try the lists in the menu instead.';
    }
  }

  const initial = new URLSearchParams(window.location.search).get('q') ?? '';
  input.value = initial;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = input.value.trim();
    window.history.replaceState(null, '', q ? `?q=${encodeURIComponent(q)}` : window.location.pathname);
    void run(q);
  });
  if (initial) await run(initial);
}

void setUp();
