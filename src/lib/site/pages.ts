/** Where an editorial page is served: its path under `content/pages/`, without `.mdx`. */
export function pagePath(filePath: string): string {
  const rel = filePath
    .replace(/\\/g, '/')
    .replace(/^.*?content\/pages\//, '')
    .replace(/\.mdx?$/, '');
  const path = rel.replace(/(^|\/)index$/, '');
  return path ? `/${path.toLowerCase()}/` : '/';
}
