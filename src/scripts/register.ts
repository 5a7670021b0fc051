/**
 * Progressive enhancement of the Modifications Register: filters and sortable columns, with
 * the view kept in the URL query so it can be shared. Without JavaScript the full table
 * shows. Filtering and sorting are the tested functions of `src/lib/register.ts`.
 */
import { filterRows, type RegisterRow, type SortKey, sortRows } from '../lib/register.ts';
import {
  isFiltered,
  parseRegisterQuery,
  type RegisterView,
  registerQuery,
  type Vocabulary,
} from '../lib/site/register-query.ts';
import type { ImpactedParty, ModificationPath } from '../schemas/index.ts';

/** The values a select offers, its empty “any” option aside. */
const optionValues = (select: HTMLSelectElement | null) =>
  select ? [...select.options].map((o) => o.value).filter(Boolean) : [];

interface Elements {
  form: HTMLFormElement;
  table: HTMLTableElement;
  count: HTMLElement;
  empty: HTMLElement;
}

function elements(): Elements | undefined {
  const form = document.querySelector<HTMLFormElement>('#register-filters');
  const table = document.querySelector<HTMLTableElement>('#register');
  const count = document.querySelector<HTMLElement>('#register-count');
  const empty = document.querySelector<HTMLElement>('#register-empty');
  return form && table?.dataset.rows && count && empty ? { form, table, count, empty } : undefined;
}

function setUp(): void {
  const found = elements();
  if (!found) return;
  const { form, table, count, empty } = found;
  const tbody = table.tBodies[0]!;
  // The register rows, as the page built them.
  const rows = JSON.parse(table.dataset.rows ?? '[]') as RegisterRow[];
  const trById = new Map(
    [...tbody.rows].map((tr) => [tr.dataset.id ?? '', tr] as const).filter(([id]) => id !== ''),
  );
  const field = <T extends HTMLInputElement | HTMLSelectElement>(name: string) =>
    form.elements.namedItem(name) as T | null;
  const q = field<HTMLInputElement>('q');
  const selects = ['stage', 'path', 'party'].map((n) => field<HTMLSelectElement>(n));

  const vocabulary: Vocabulary = {
    paths: optionValues(field<HTMLSelectElement>('path')) as ModificationPath[],
    parties: optionValues(field<HTMLSelectElement>('party')) as ImpactedParty[],
  };
  let view: RegisterView = parseRegisterQuery(window.location.search, vocabulary);

  const headers = [...table.tHead!.rows[0]!.cells].filter((th) => th.dataset.sort);
  const buttons = headers.map((th) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sec-sort';
    button.textContent = th.textContent?.trim() ?? '';
    button.dataset.sort = th.dataset.sort;
    th.replaceChildren(button);
    button.addEventListener('click', () => {
      const key = th.dataset.sort as SortKey;
      const order = view.sort === key && view.order === 'asc' ? 'desc' : 'asc';
      view = { ...view, sort: key, order };
      render(true);
    });
    return button;
  });

  function readForm(): void {
    view = {
      ...view,
      filter: parseRegisterQuery(
        new URLSearchParams({
          q: q?.value ?? '',
          ...Object.fromEntries(selects.map((s) => [s?.name ?? '', s?.value ?? ''])),
        }),
        vocabulary,
      ).filter,
    };
  }

  function writeForm(): void {
    if (q) q.value = view.filter.q ?? '';
    for (const s of selects)
      if (s) s.value = (view.filter[s.name as 'stage' | 'path' | 'party'] as string) ?? '';
  }

  function render(updateUrl: boolean): void {
    const shown = sortRows(filterRows(rows, view.filter), view.sort, view.order);
    const visible = new Set(shown.map((r) => r.id));
    for (const r of shown) {
      const tr = trById.get(r.id);
      if (tr) tbody.appendChild(tr);
    }
    for (const [id, tr] of trById) tr.hidden = !visible.has(id);
    for (const th of headers) {
      const active = th.dataset.sort === view.sort;
      if (active) th.setAttribute('aria-sort', view.order === 'asc' ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
    for (const b of buttons) b.classList.toggle('sec-sort--active', b.dataset.sort === view.sort);
    count.textContent = isFiltered(view)
      ? `Showing ${shown.length} of ${rows.length} modifications`
      : `${rows.length} modifications`;
    empty.hidden = shown.length > 0;
    table.hidden = shown.length === 0;
    if (updateUrl) {
      window.history.replaceState(null, '', `${window.location.pathname}${registerQuery(view)}`);
    }
  }

  form.hidden = false;
  writeForm();
  render(false);

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    readForm();
    render(true);
  });
  for (const s of selects) {
    s?.addEventListener('change', () => {
      readForm();
      render(true);
    });
  }
  q?.addEventListener('input', () => {
    readForm();
    render(true);
  });
  document.querySelector('#filter-clear')?.addEventListener('click', (e) => {
    e.preventDefault();
    view = { ...view, filter: {} };
    writeForm();
    render(true);
  });
}

setUp();
