import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** One relative import of one file, as written and as resolved to a repository path. */
export type ImportEdge = { from: string; to: string; specifier: string; line: number };

function typescriptFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return typescriptFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Every relative import (static, dynamic and `export ... from`) of the .ts files under `roots`, with paths relative
 * to `repo`. TypeScript's own pre-processor reads them, so comments and strings that look like imports are skipped.
 */
export function importGraph(repo: string, roots: readonly string[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const root of roots) {
    for (const file of typescriptFiles(join(repo, root))) {
      const text = readFileSync(file, 'utf8');
      const { importedFiles } = ts.preProcessFile(text, true, true);
      for (const imported of importedFiles) {
        if (!imported.fileName.startsWith('.')) continue;
        const target = resolve(dirname(file), imported.fileName).replace(/\.js$/, '.ts');
        const line = text.slice(0, imported.pos).split('\n').length;
        edges.push({ from: relative(repo, file), to: relative(repo, target), specifier: imported.fileName, line });
      }
    }
  }
  return edges;
}
