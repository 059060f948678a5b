import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium, missingToolsMessage } from '../preflight.ts';

// A machine made of empty executables in a temporary folder: what is there, and what is not.
const root = mkdtempSync(join(tmpdir(), 'sai-preflight-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function machine(
  name: string,
  commands: string[],
  options: { chromium?: string[]; fonts?: boolean; env?: NodeJS.ProcessEnv } = {},
) {
  const bin = join(root, name, 'bin');
  mkdirSync(bin, { recursive: true });
  for (const command of [...commands, ...(options.chromium ?? [])]) {
    writeFileSync(join(bin, command), '#!/bin/sh\n');
    chmodSync(join(bin, command), 0o755);
  }
  const fontDir = join(root, name, 'liberation');
  if (options.fonts ?? true) mkdirSync(fontDir);
  return {
    env: { PATH: bin, ...options.env },
    chromiumCandidates: [join(bin, 'chromium-headless-shell'), join(bin, 'chromium')],
    fontDir,
  };
}

const allTools = [
  'pdftotext',
  'pdfinfo',
  'pdffonts',
  'qpdf',
  'java',
  'chromium',
  'orca',
  'Xvfb',
  'dbus-launch',
  'xdotool',
];

describe('preflight: the Debian tools the site tests need', () => {
  it('passes on a machine that has them, with either Chromium', () => {
    expect(missingToolsMessage(machine('shell', allTools, { chromium: ['chromium-headless-shell'] }))).toBeUndefined();
    const desktop = machine('desktop', allTools, { chromium: ['chromium'] });
    expect(missingToolsMessage(desktop)).toBeUndefined();
    expect(findChromium(desktop)).toBe(desktop.chromiumCandidates[1]);
  });

  it('prefers the headless shell when both are there, and SAI_CHROMIUM over both', () => {
    const both = machine('both', allTools, { chromium: ['chromium-headless-shell', 'chromium'] });
    expect(findChromium(both)).toBe(both.chromiumCandidates[0]);
    expect(findChromium({ ...both, env: { SAI_CHROMIUM: both.chromiumCandidates[1] } })).toBe(
      both.chromiumCandidates[1],
    );
  });

  it('names everything missing and gives one apt-get command on a bare machine', () => {
    const message = missingToolsMessage(machine('bare', [], { fonts: false }));
    expect(message).toContain('Il manque : Chromium (ni ');
    for (const tool of allTools) expect(message).toContain(tool);
    expect(message).toContain(
      'sudo apt-get update && sudo apt-get install -y chromium-headless-shell poppler-utils qpdf default-jre-headless chromium orca xvfb dbus-x11 xdotool fonts-liberation',
    );
  });

  it('asks only for the package that is missing', () => {
    const message = missingToolsMessage(
      machine(
        'no-java',
        allTools.filter((t) => t !== 'java'),
        { chromium: ['chromium'] },
      ),
    );
    expect(message).toMatch(/Il manque : java\.\n/);
    expect(message).toContain('sudo apt-get update && sudo apt-get install -y default-jre-headless\n');
  });

  it('says when SAI_CHROMIUM names a file that is not there', () => {
    const message = missingToolsMessage(
      machine('bad-env', allTools, { chromium: ['chromium'], env: { SAI_CHROMIUM: '/nulle/part/chromium' } }),
    );
    expect(message).toContain('SAI_CHROMIUM nomme /nulle/part/chromium, qui n’existe pas ou n’est pas exécutable.');
    expect(message).not.toContain('apt-get');
  });
});
