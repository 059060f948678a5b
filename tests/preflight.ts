import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * The Debian tools the `site` tests drive, checked before any test starts (vitest globalSetup):
 * without them six test files would fail one by one after minutes of building, each with its own
 * "spawn ENOENT". Here the run stops at once with one French message and the command to type.
 * `.ci/run` installs the same packages.
 */
const tools = [
  { command: 'pdftotext', debianPackage: 'poppler-utils' },
  { command: 'pdfinfo', debianPackage: 'poppler-utils' },
  { command: 'pdffonts', debianPackage: 'poppler-utils' },
  { command: 'qpdf', debianPackage: 'qpdf' },
  // The Nu HTML checker (node_modules/vnu-jar) is a Java program.
  { command: 'java', debianPackage: 'default-jre-headless' },
  // The screen-reader journeys (tests/screen-reader/): Orca reads the desktop Chromium on a virtual
  // display, over a D-Bus session; xdotool types the keys. at-spi2-core comes with orca.
  { command: 'chromium', debianPackage: 'chromium' },
  { command: 'orca', debianPackage: 'orca' },
  { command: 'Xvfb', debianPackage: 'xvfb' },
  { command: 'dbus-launch', debianPackage: 'dbus-x11' },
  { command: 'xdotool', debianPackage: 'xdotool' },
];

/**
 * Where Debian puts Chromium: chromium-headless-shell first (the lighter build the browser tests
 * are measured with, see tests/helpers/browser.ts), then the desktop package's `chromium`.
 */
export const chromiumCandidates = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

/** Debian's fonts for any character the pages' own fonts lack (`chromium` recommends them). */
const fallbackFonts = { dir: '/usr/share/fonts/truetype/liberation', debianPackage: 'fonts-liberation' };

interface Machine {
  env: NodeJS.ProcessEnv;
  chromiumCandidates: readonly string[];
  fontDir: string;
}

const thisMachine: Machine = { env: process.env, chromiumCandidates, fontDir: fallbackFonts.dir };

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const onPath = (command: string, env: NodeJS.ProcessEnv) =>
  (env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && executable(join(dir, command)));

/** The Chromium the tests launch: SAI_CHROMIUM when set, else the first Debian binary found. */
export function findChromium(machine: Pick<Machine, 'env' | 'chromiumCandidates'> = thisMachine): string | undefined {
  if (machine.env.SAI_CHROMIUM) return machine.env.SAI_CHROMIUM;
  return machine.chromiumCandidates.find(executable);
}

/** The one French message naming what is missing and the command that installs it, or undefined. */
export function missingToolsMessage(machine: Machine = thisMachine): string | undefined {
  const missing: string[] = [];
  const packages = new Set<string>();
  const named = machine.env.SAI_CHROMIUM;
  const badName =
    named && !executable(named) ? ` SAI_CHROMIUM nomme ${named}, qui n’existe pas ou n’est pas exécutable.` : '';
  if (!findChromium(machine)) {
    missing.push(`Chromium (ni ${machine.chromiumCandidates.join(' ni ')})`);
    packages.add('chromium-headless-shell');
  }
  for (const tool of tools) {
    if (onPath(tool.command, machine.env)) continue;
    missing.push(tool.command);
    packages.add(tool.debianPackage);
  }
  if (!existsSync(machine.fontDir)) {
    missing.push(`les polices ${fallbackFonts.debianPackage} (${machine.fontDir})`);
    packages.add(fallbackFonts.debianPackage);
  }
  if (missing.length === 0 && !badName) return undefined;
  const lines = [
    `Les tests ne peuvent pas commencer.${missing.length ? ` Il manque : ${missing.join(', ')}.` : ''}${badName}`,
  ];
  if (packages.size)
    lines.push(
      '',
      'Installez ce qui manque avec :',
      '',
      `  sudo apt-get update && sudo apt-get install -y ${[...packages].join(' ')}`,
    );
  lines.push(
    '',
    'SAI_CHROMIUM=/chemin/vers/chromium choisit un autre Chromium. `npm run test:quick` n’a besoin d’aucun de ces outils.',
  );
  return lines.join('\n');
}

/** vitest globalSetup of the `site` project: stops the run before any build or test starts. */
export default function preflight(): void {
  const message = missingToolsMessage();
  if (!message) return;
  // Exit rather than throw: vitest would wrap the message in a stack trace and a misleading
  // "No test files found"; nothing has started yet, so there is nothing to tear down.
  console.error(`\n${message}\n`);
  process.exit(1);
}
