import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The README and docs link to each other's sections by anchor (the README's one line per missed
 * target points into performance.md's long account): every relative link must reach a file
 * that exists, and every `#anchor` a heading of that file, by GitHub's rules for heading ids.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function markdownFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : name.endsWith('.md') ? [path] : [];
    });
  return [
    ...readdirSync(ROOT)
      .filter((name) => name.endsWith('.md'))
      .map((name) => join(ROOT, name)),
    ...walk(join(ROOT, 'docs')),
  ];
}

/** The text outside fenced code blocks, where headings are headings. */
const withoutFences = (markdown: string): string => markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
/** The text outside fenced code blocks and inline code, where links are links. */
const prose = (markdown: string): string => withoutFences(markdown).replace(/`[^`\n]*`/g, '');

/** GitHub's id of a heading: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2 … */
function headingIds(markdown: string): Set<string> {
  const ids = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, text] of withoutFences(markdown).matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const plain = text
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link in a heading keeps its text
      .replace(/<[^>]+>/g, '')
      .replace(/`/g, '');
    const base = plain
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    ids.add(n === 0 ? base : `${base}-${n}`);
  }
  for (const [, id] of markdown.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) ids.add(id);
  return ids;
}

/** `[text](target)` links of a file, without those leaving the repository. */
function relativeLinks(markdown: string): string[] {
  return [...prose(markdown).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)]
    .map(([, target]) => target)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

function checkLinks(): { broken: string[]; links: number; anchors: number } {
  const broken: string[] = [];
  let links = 0;
  let anchors = 0;
  for (const file of markdownFiles()) {
    const from = relative(ROOT, file);
    for (const link of relativeLinks(readFileSync(file, 'utf8'))) {
      const [path, anchor] = link.split('#', 2) as [string, string | undefined];
      links++;
      if (anchor) anchors++;
      const target = path === '' ? file : resolve(dirname(file), decodeURIComponent(path));
      if (!existsSync(target)) {
        broken.push(`${from}: ${link} (no such file)`);
        continue;
      }
      if (anchor && target.endsWith('.md') && !headingIds(readFileSync(target, 'utf8')).has(decodeURIComponent(anchor)))
        broken.push(`${from}: ${link} (no such heading)`);
    }
  }
  return { broken, links, anchors };
}

describe('links between the README and the docs', () => {
  it('reach a file that exists and, with an anchor, a heading in it', () => {
    const { broken, links, anchors } = checkLinks();
    expect(broken).toEqual([]);
    // the links were found at all (a pattern that matched nothing would pass the line above)
    expect({ links: links > 40, anchors: anchors > 10 }).toEqual({ links: true, anchors: true });
  });

  it('find headings by GitHub ids, and would report a link to a heading that is gone', () => {
    const ids = headingIds(
      '# Performance\n## Why the missed rows are missed (2026-12-06, night)\n## Notes\n## Notes\n```\n# not a heading\n```\n## `npm run bench` flags\n',
    );
    expect([...ids]).toEqual([
      'performance',
      'why-the-missed-rows-are-missed-2026-12-06-night',
      'notes',
      'notes-1',
      'npm-run-bench-flags',
    ]);
    expect(ids.has('why-the-missed-rows-are-missed')).toBe(false);
  });
});
