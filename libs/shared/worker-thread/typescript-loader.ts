/**
 * Loaded with `--import` into a worker thread that runs TypeScript sources (under Jest, where
 * no compiled `.js` exists): resolves `./x.js` imports to `./x.ts` and compiles each source
 * module with the TypeScript compiler, as ts-jest does for the test's own thread. Node runs
 * this file itself with its built-in type stripping, so it uses erasable syntax only and
 * imports nothing of ours. Not part of dist/ (tsconfig.build.json) or the bench build: there
 * every thread's `.js` exists.
 */
import { readFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

type TypeScript = typeof import('typescript');
let compiler: TypeScript | undefined;
const typescript = (): TypeScript => {
  compiler ??= createRequire(import.meta.url)('typescript') as TypeScript;
  return compiler;
};

const isSource = (url: string) => url.startsWith('file:') && url.endsWith('.ts') && !url.includes('/node_modules/');

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      // our sources import each other by their compiled names
      const relative = specifier.startsWith('.') && specifier.endsWith('.js');
      if (!relative || !context.parentURL || !isSource(context.parentURL)) throw error;
      return nextResolve(specifier.replace(/\.js$/, '.ts'), context);
    }
  },
  load(url, context, nextLoad) {
    if (!isSource(url)) return nextLoad(url, context);
    const ts = typescript();
    // the options of tsconfig.json that change emitted code
    const { outputText } = ts.transpileModule(readFileSync(fileURLToPath(url), 'utf8'), {
      fileName: fileURLToPath(url),
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
        useDefineForClassFields: false,
        esModuleInterop: true,
        sourceMap: false,
        inlineSourceMap: true,
      },
    });
    return { format: 'module', source: outputText, shortCircuit: true };
  },
});
