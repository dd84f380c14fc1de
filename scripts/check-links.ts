// Checks every external link in the course content (weekly CI job; reports, never blocks).
// Usage: node scripts/check-links.ts [content-dir]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'content';
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
  (f) => f.endsWith('.md') || f.endsWith('.yaml'),
);
const links = new Map<string, string[]>();
for (const file of files) {
  for (const match of readFileSync(join(dir, file), 'utf8').matchAll(/https?:\/\/[^\s)>\]"']+/g)) {
    const url = match[0].replace(/[.,;:]+$/, '');
    links.set(url, [...(links.get(url) ?? []), file]);
  }
}
let broken = 0;
for (const [url, where] of links) {
  try {
    const response = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(15_000) });
    if (response.status >= 400) throw new Error(`HTTP ${response.status}`);
  } catch (error) {
    broken += 1;
    console.log(
      `::warning title=broken link::${url} (${error instanceof Error ? error.message : String(error)}) in ${where.join(', ')}`,
    );
  }
}
console.log(`${links.size} external links checked, ${broken} broken`);
process.exitCode = broken ? 1 : 0;
