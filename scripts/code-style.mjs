/**
 * `npm test`'s first step: Prettier, ESLint and knip (npm run format:check, lint, knip), side by
 * side rather than one after the other. Each is single-threaded and reads the whole tree: on two
 * cores the three take about the time of the longest two instead of their sum. Each one's output
 * is printed whole, in the usual order, once all have ended; the tests start only if all passed.
 */
import { spawn } from 'node:child_process';

const steps = ['format:check', 'lint', 'knip'];
const npm = process.env.npm_execpath;

function run(script) {
  return new Promise((resolve) => {
    // Through npm, so that the commands stay those of package.json.
    const [command, args] = npm ? [process.execPath, [npm, 'run', script]] : ['npm', ['run', script]];
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ script, code: 1, output: String(error) }));
    child.on('close', (code) => resolve({ script, code: code ?? 1, output }));
  });
}

const results = await Promise.all(steps.map(run));
for (const { output } of results) process.stdout.write(output);
const failed = results.filter((r) => r.code !== 0).map((r) => `npm run ${r.script}`);
if (failed.length > 0) {
  console.error(`\nÉchec : ${failed.join(', ')} (voir plus haut). Les tests ne sont pas lancés.`);
  process.exit(1);
}
