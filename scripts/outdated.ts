/**
 * npm run outdated — what is behind: the dependencies that have a newer version on the registry,
 * and how long the Node.js the scripts run on is still supported. Information only: it always
 * exits 0 (CI prints it before the tests); CONTRIBUTING.md says how to upgrade.
 */
import './require-node.mjs';
import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/**
 * End of life of each even (LTS) Node.js major, from the Node.js release schedule
 * (https://github.com/nodejs/Release#release-schedule): thirty months after its first release.
 */
const nodeEndOfLife: Record<number, string> = {
  20: '2026-04-30',
  22: '2027-04-30',
  24: '2028-04-30',
  26: '2029-04-30',
};

interface Outdated {
  current?: string;
  wanted: string;
  latest: string;
  type?: string;
}

/** Days from `today` to the end of life of `version`'s major, or undefined if the table lacks it. */
export function supportLeft(version: string, today: Date): { endOfLife: string; days: number } | undefined {
  const major = Number(version.replace(/^v/, '').split('.')[0]);
  const endOfLife = nodeEndOfLife[major];
  if (!endOfLife) return undefined;
  return { endOfLife, days: Math.floor((Date.parse(endOfLife) - today.getTime()) / 86_400_000) };
}

async function outdated(): Promise<Record<string, Outdated>> {
  try {
    const { stdout } = await promisify(execFile)('npm', ['outdated', '--json', '--long'], { maxBuffer: 16 << 20 });
    return JSON.parse(stdout || '{}') as Record<string, Outdated>;
  } catch (error) {
    // npm outdated exits 1 when something is outdated; its JSON is on stdout all the same.
    const stdout = (error as { stdout?: string }).stdout;
    if (stdout) return JSON.parse(stdout) as Record<string, Outdated>;
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const support = supportLeft(process.version, new Date());
  console.log(
    support
      ? `Node.js ${process.version} : pris en charge jusqu’au ${support.endOfLife} (${support.days} jours)` +
          (support.days < 180 ? ' — à remplacer par la LTS suivante (voir CONTRIBUTING.md, « Mettre à jour »)' : '')
      : `Node.js ${process.version} : date de fin de prise en charge inconnue de scripts/outdated.ts (voir https://github.com/nodejs/Release)`,
  );
  try {
    const behind = Object.entries(await outdated()).sort(([a], [b]) => a.localeCompare(b));
    if (behind.length === 0) console.log('Toutes les dépendances sont à leur dernière version.');
    else {
      console.log(`${behind.length} dépendance(s) en retard (actuelle → dernière) :`);
      for (const [name, info] of behind)
        console.log(`  ${name} ${info.current ?? '(absente)'} → ${info.latest}${info.type ? ` (${info.type})` : ''}`);
    }
  } catch (error) {
    console.log(`npm outdated n’a pas répondu : ${error instanceof Error ? error.message : String(error)}`);
  }
}
