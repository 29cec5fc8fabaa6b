import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * Every error class says its own name: logs, problem responses and the rejected-commands
 * metric label an error by `name`, and a class that keeps Error's says only "Error".
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCANNED = ['apps', 'libs'];

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

interface ErrorClassCandidate {
  where: string;
  className: string;
  base: string;
  named: boolean;
}

const isNameMember = (member: ts.ClassElement): boolean =>
  (ts.isPropertyDeclaration(member) || ts.isGetAccessorDeclaration(member)) &&
  member.name.getText() === 'name' &&
  !member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);

/** `this.name = …` in the constructor counts too. */
const assignsName = (member: ts.ClassElement): boolean =>
  ts.isConstructorDeclaration(member) && /\bthis\.name\s*=/.test(member.body?.getText() ?? '');

function classesIn(path: string): ErrorClassCandidate[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: ErrorClassCandidate[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isClassDeclaration(node) || ts.isClassExpression(node)) && node.name) {
      const extended = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
      if (extended) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push({
          where: `${relative(ROOT, path)}:${line + 1}`,
          className: node.name.text,
          base: extended.expression.getText().split('.').pop() ?? '',
          named: node.members.some((m) => isNameMember(m) || assignsName(m)),
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('error classes', () => {
  const classes = SCANNED.flatMap((dir) => [...sourceFiles(join(ROOT, dir))].flatMap(classesIn));
  // an error class extends Error, a class named …Error, or another error class of ours
  const errorNames = new Set(classes.filter((c) => /Error$/.test(c.base)).map((c) => c.className));
  for (let grown = true; grown; ) {
    grown = false;
    for (const c of classes) {
      if (errorNames.has(c.base) && !errorNames.has(c.className)) {
        errorNames.add(c.className);
        grown = true;
      }
    }
  }
  const errorClasses = classes.filter(
    (c) => errorNames.has(c.className) && (/Error$/.test(c.base) || errorNames.has(c.base)),
  );

  it('are found by the scan', () => {
    expect(errorClasses.length).toBeGreaterThan(20);
  });

  it('each have a name of their own', () => {
    expect(errorClasses.filter((c) => !c.named).map((c) => `${c.where} ${c.className}`)).toEqual([]);
  });
});
