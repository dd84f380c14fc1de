#!/usr/bin/env node
// The `frontline` command's entry point. Plain JavaScript, not TypeScript like the rest: Node
// strips types with a WebAssembly compiler that it loads on first use (about 35 ms), and the
// entry point is read before the compile cache below is on, so a .ts entry would load that
// compiler on every run. Every module after it is TypeScript, stripped once and then cached.
import { enableCompileCache } from 'node:module';
import process from 'node:process';

// Node keeps the compiled code of every module it loads (TypeScript stripped) in its compile
// cache (os.tmpdir()/node-compile-cache; NODE_DISABLE_COMPILE_CACHE=1 turns it off): a run
// after the first starts about a quarter of a second sooner. Enabled before anything is imported.
enableCompileCache();
const { main } = await import('./main.ts');

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
