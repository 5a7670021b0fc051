/** The site's main navigation and which item a page belongs to. */

export interface NavItem {
  text: string;
  href: string;
}

export const NAVIGATION: readonly NavItem[] = [
  { text: 'Modifications', href: '/modifications/' },
  { text: 'Meetings', href: '/meetings/' },
  { text: 'Consultations', href: '/consultations/' },
  { text: 'News', href: '/news/' },
  { text: 'Newsletters', href: '/newsletters/' },
  { text: 'About', href: '/about/' },
  { text: 'Search', href: '/search/' },
];

/** Sections whose pages live outside their navigation item's folder. */
const ALSO_UNDER: Record<string, string[]> = {
  '/meetings/': ['/governance/'],
  '/about/': ['/designations/', '/parties/'],
};

/**
 * The navigation item a path belongs to: `current` when the path is the item's own page,
 * `active` when it is a page within its section; undefined for neither.
 */
export function navState(item: NavItem, pathname: string): 'current' | 'active' | undefined {
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`;
  if (path === item.href) return 'current';
  const prefixes = [item.href, ...(ALSO_UNDER[item.href] ?? [])];
  return prefixes.some((p) => path.startsWith(p)) ? 'active' : undefined;
}
