#!/usr/bin/env node
import { enableCompileCache } from 'node:module';

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
