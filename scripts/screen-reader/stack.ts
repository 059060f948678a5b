/**
 * A real screen reader on this machine: Debian's Orca reading Debian's Chromium, both on a virtual
 * X display (Xvfb), talking over a private D-Bus session and its AT-SPI accessibility bus. Keys go
 * to the browser through xdotool only (a person's keyboard, no DOM access); what Orca says is read
 * back from its debug file, where every utterance is a `SPEECH OUTPUT: '…'` line.
 *
 * Every process gets a private HOME, XDG folders and a marker in its environment: `close()` ends the
 * process groups it started, then any process still carrying the marker (D-Bus starts the AT-SPI
 * registry and Orca may start helpers outside those groups). Nothing outside this run is touched.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { speechOf, type Utterance } from '../../src/domain/screen-reader.ts';

export const chromiumPath = process.env.SAI_SCREEN_READER_CHROMIUM ?? '/usr/bin/chromium';
const required = ['Xvfb', 'dbus-daemon', 'orca', 'xdotool', '/usr/libexec/at-spi-bus-launcher', chromiumPath];

/** What is missing on this machine to run the stack (empty when everything is there). */
export function missingTools(): string[] {
  return required.filter((tool) =>
    tool.startsWith('/') ? !existsSync(tool) : spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
  );
}

/** « Orca 43.1 », « Chromium 156.0.8078.129 »: the versions the transcripts were made with. */
export function versions(): { orca: string; chromium: string } {
  const orca = spawnSync('orca', ['--version'], { encoding: 'utf8' })
    .stdout.trim()
    .replace(/^orca\s*/i, '');
  const chromium =
    /Chromium ([\d.]+)/.exec(spawnSync(chromiumPath, ['--version'], { encoding: 'utf8' }).stdout)?.[1] ?? 'inconnue';
  return { orca: `Orca ${orca}`, chromium: `Chromium ${chromium}` };
}

/**
 * Orca's settings: French speech (LANGUAGE=fr below gives the French role names), no « say all »
 * when a page loads (the journeys move on their own) but the page summary, no key echo (the
 * transcripts hold what the page says, not the keys typed). Speech stays on (Orca says nothing,
 * not even in its log, when it is off) but no synthesiser runs: speech-dispatcher's autospawn is
 * disabled below, and Orca logs every utterance before it would hand it to the synthesiser.
 */
const orcaSettings = {
  general: {
    enableSpeech: true,
    enableBraille: false,
    enableKeyEcho: false,
    enableEchoByCharacter: false,
    enableEchoByWord: false,
    sayAllOnLoad: false,
    pageSummaryOnLoad: true,
    enableTutorialMessages: false,
    verbalizePunctuationStyle: 3,
    profile: ['Default', 'default'],
  },
  profiles: { default: { profile: ['Default', 'default'] } },
  pronunciations: {},
  keybindings: {},
};
// The debug file keeps the utterances and Orca's warnings only: at the « info » level Orca also
// traces every caret move and text attribute (12 MB over five journeys), which it must format and
// write, and the journeys must read, while they wait. Line-buffered, so that each utterance can be
// waited for as soon as Orca says it.
const orcaCustomizations = [
  'import orca.debug as debug',
  'debug.debugLevel = debug.LEVEL_INFO',
  '_println = debug.println',
  'def _speechOnly(level, text="", timestamp=False):',
  '    if level >= debug.LEVEL_WARNING or (isinstance(text, str) and text.startswith("SPEECH OUTPUT")):',
  '        _println(level, text, timestamp)',
  'debug.println = _speechOnly',
  'if debug.debugFile:',
  '    debug.debugFile.flush()',
  "    debug.debugFile = open(debug.debugFile.name, 'a', buffering=1, encoding='utf-8')",
  '',
].join('\n');

const chromiumArgs = [
  '--force-renderer-accessibility',
  '--no-sandbox',
  '--no-first-run',
  '--no-default-browser-check',
  // « Traduire cette page ? » would be read before the page.
  '--disable-features=Translate,TranslateUI',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-session-crashed-bubble',
  '--password-store=basic',
  '--disable-gpu',
  '--lang=fr',
  '--accept-lang=fr-FR,fr',
  '--window-position=0,0',
  '--window-size=1280,1000',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export interface ScreenReader {
  /** Every utterance since the start, in order. */
  utterances(): Promise<Utterance[]>;
  /** A mark: utterances after it are what the next steps made Orca say. */
  mark(): Promise<number>;
  /** Waits until an utterance after `since` matches; resolves with it, or throws with what was heard. */
  waitFor(pattern: RegExp, options?: { since?: number; timeout?: number }): Promise<Utterance & { index: number }>;
  /** Waits until Orca has said nothing for `quiet` ms (bounded by `timeout`). */
  settle(options?: { quiet?: number; timeout?: number }): Promise<void>;
  /** xdotool key names (« Tab », « ctrl+l », « h »), one after the other. */
  keys(...names: string[]): Promise<void>;
  /** Types text as keystrokes. */
  type(text: string): Promise<void>;
  /** Opens an address through the address bar (ctrl+L, the address, Enter), as a person would. */
  open(url: string): Promise<void>;
  close(): Promise<void>;
  /** The private folder of this run (Orca's debug file, logs). */
  dir: string;
}

interface Started {
  child: ChildProcess;
  name: string;
}

/** Starts Xvfb, D-Bus, AT-SPI, Orca and Chromium (on about:blank). */
export async function startScreenReader(options: { timeout?: number } = {}): Promise<ScreenReader> {
  const missing = missingTools();
  if (missing.length > 0)
    throw new Error(
      `Lecteur d’écran : outils absents (${missing.join(', ')}) ; installez orca xvfb at-spi2-core dbus-x11 xdotool chromium (voir .ci/run)`,
    );
  const timeout = options.timeout ?? 90_000;
  const dir = await mkdtemp(join(tmpdir(), 'sai-orca-'));
  const marker = `sai-orca-${process.pid}-${Date.now()}`;
  const home = join(dir, 'home');
  const prefs = join(dir, 'orca');
  const runtime = join(dir, 'run');
  await Promise.all([mkdir(home), mkdir(prefs), mkdir(runtime, { mode: 0o700 })]);
  await writeFile(join(prefs, 'user-settings.conf'), JSON.stringify(orcaSettings, null, 2));
  await writeFile(join(prefs, 'orca-customizations.py'), orcaCustomizations);
  await mkdir(join(home, '.config/speech-dispatcher'), { recursive: true });
  await writeFile(join(home, '.config/speech-dispatcher/speechd.conf'), 'DisableAutoSpawn\n');
  const debugFile = join(dir, 'orca-debug.out');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_RUNTIME_DIR: runtime,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    // Orca (Python's gettext) reads LANGUAGE even where no French C locale is installed.
    LANG: 'C.UTF-8',
    LANGUAGE: 'fr',
    NO_AT_BRIDGE: '0',
    GTK_MODULES: 'gail:atk-bridge',
    SAI_SCREEN_READER_RUN: marker,
  };
  const started: Started[] = [];
  const start = (
    name: string,
    command: string,
    args: string[],
    stdio: ('ignore' | 'pipe')[] = ['ignore', 'ignore', 'pipe'],
  ) => {
    const child = spawn(command, args, { env, detached: true, stdio });
    child.on('error', () => {});
    // Read what it writes on stderr: a full pipe would block it; the tail explains a failure.
    child.stderr?.on('data', (chunk: Buffer) =>
      stderrs.set(child, ((stderrs.get(child) ?? '') + chunk.toString()).slice(-4000)),
    );
    started.push({ child, name });
    return child;
  };
  const close = async () => {
    for (const { child } of started.reverse()) if (child.pid) signalGroup(child.pid, 'SIGTERM');
    await sleep(500);
    for (const { child } of started) if (child.pid) signalGroup(child.pid, 'SIGKILL');
    // Orca ignores SIGTERM while it waits on the bus; D-Bus-activated helpers left their group.
    for (const pid of processesWith(marker)) safeKill(pid, 'SIGKILL');
    // SAI_SCREEN_READER_KEEP=1 keeps Orca's debug file and settings for a look after a failure.
    if (process.env.SAI_SCREEN_READER_KEEP !== '1') await rm(dir, { recursive: true, force: true }).catch(() => {});
  };

  try {
    // Xvfb picks a free display and writes its number on fd 3.
    const xvfb = spawn(
      'Xvfb',
      ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp', '-nolisten', 'unix', '-noreset'],
      { env, detached: true, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
    );
    xvfb.on('error', () => {});
    xvfb.stderr?.on('data', (chunk: Buffer) =>
      stderrs.set(xvfb, ((stderrs.get(xvfb) ?? '') + chunk.toString()).slice(-4000)),
    );
    started.push({ child: xvfb, name: 'Xvfb' });
    const display = await firstLine(xvfb.stdio[3] as NodeJS.ReadableStream, 20_000, 'Xvfb');
    env.DISPLAY = `:${display.trim()}`;

    const dbus = start(
      'dbus-daemon',
      'dbus-daemon',
      ['--session', '--nofork', '--print-address=1'],
      ['ignore', 'pipe', 'pipe'],
    );
    env.DBUS_SESSION_BUS_ADDRESS = (await firstLine(dbus.stdout!, 20_000, 'dbus-daemon')).trim();

    start('at-spi-bus-launcher', '/usr/libexec/at-spi-bus-launcher', ['--launch-immediately']);
    // No --replace: it kills every other Orca of the user, on any display. Orca accepts one instance
    // per user, so two runs at once fail at this step with a clear message instead.
    const orca = start('orca', 'orca', ['--user-prefs', prefs, '--debug-file', debugFile], ['ignore', 'pipe', 'pipe']);
    orca.stdout?.on('data', (chunk: Buffer) =>
      stderrs.set(orca, ((stderrs.get(orca) ?? '') + chunk.toString()).slice(-4000)),
    );
    // Read as it grows: only the bytes written since the last read, whole lines only.
    const heard: Utterance[] = [];
    let offset = 0;
    let partial = Buffer.alloc(0);
    const speech = async (): Promise<Utterance[]> => {
      const file = await open(debugFile, 'r').catch(() => undefined);
      if (!file) return heard.slice();
      try {
        for (;;) {
          const chunk = Buffer.alloc(1 << 16);
          const { bytesRead } = await file.read(chunk, 0, chunk.length, offset);
          if (bytesRead === 0) break;
          offset += bytesRead;
          partial = Buffer.concat([partial, chunk.subarray(0, bytesRead)]);
        }
      } finally {
        await file.close();
      }
      const end = partial.lastIndexOf(0x0a);
      if (end >= 0) {
        heard.push(...speechOf(partial.subarray(0, end + 1).toString('utf8')));
        partial = partial.subarray(end + 1);
      }
      return heard.slice();
    };
    const waitFor = async (pattern: RegExp, { since = 0, timeout: limit = 30_000 } = {}) => {
      const until = Date.now() + limit;
      for (;;) {
        const heard = (await speech()).slice(since);
        const index = heard.findIndex((u) => pattern.test(u.text));
        if (index !== -1) return { ...heard[index]!, index: since + index };
        if (orca.exitCode !== null)
          throw new Error(`Orca s’est arrêté (code ${orca.exitCode}) : ${stderrOf(started, 'orca')}`);
        if (Date.now() > until) {
          throw new Error(
            `Orca n’a pas dit ${pattern} en ${Math.round(limit / 1000)} s ; entendu :\n${heard.map((u) => `  « ${u.text} »`).join('\n') || '  (rien)'}`,
          );
        }
        await sleep(150);
      }
    };
    // Orca announces itself once it listens to the bus.
    await waitFor(/./, { timeout }).catch((error: Error) => {
      throw new Error(
        `${error.message}\nOrca : ${stderrOf(started, 'orca')}\n(Orca n’accepte qu’une instance par utilisateur : un autre lecteur d’écran tourne-t-il déjà ?)`,
      );
    });

    // The profile turns translation off: its « Traduire cette page ? » bubble is read before the page.
    const profile = join(dir, 'chromium');
    await mkdir(join(profile, 'Default'), { recursive: true });
    await writeFile(
      join(profile, 'Default/Preferences'),
      JSON.stringify({
        translate: { enabled: false },
        translate_blocked_languages: ['fr'],
        browser: { has_seen_welcome_page: true },
      }),
    );
    start('chromium', chromiumPath, [...chromiumArgs, `--user-data-dir=${profile}`, 'about:blank']);
    const xdotool = async (args: string[]) => {
      const result = spawnSync('xdotool', args, { env, encoding: 'utf8', timeout: 20_000 });
      if (result.status !== 0) throw new Error(`xdotool ${args.join(' ')} : ${result.stderr || result.error}`);
      return result.stdout;
    };
    // The browser's window, once it is mapped: keys go to whatever has the focus, which is it.
    const until = Date.now() + timeout;
    for (;;) {
      const found = spawnSync('xdotool', ['search', '--onlyvisible', '--class', 'chromium'], {
        env,
        encoding: 'utf8',
      }).stdout.trim();
      if (found) {
        await xdotool(['windowactivate', '--sync', found.split('\n')[0]!]).catch(() =>
          xdotool(['windowfocus', found.split('\n')[0]!]),
        );
        break;
      }
      if (Date.now() > until)
        throw new Error(
          `Chromium n’a pas ouvert de fenêtre en ${Math.round(timeout / 1000)} s : ${stderrOf(started, 'chromium')}`,
        );
      await sleep(300);
    }
    await waitFor(/Chromium/, { timeout });

    const reader: ScreenReader = {
      dir,
      utterances: speech,
      mark: async () => (await speech()).length,
      waitFor,
      settle: async ({ quiet = 1500, timeout: limit = 20_000 } = {}) => {
        const until = Date.now() + limit;
        let count = -1;
        let since = Date.now();
        while (Date.now() < until) {
          const now = (await speech()).length;
          if (now !== count) {
            count = now;
            since = Date.now();
          } else if (Date.now() - since >= quiet) return;
          await sleep(150);
        }
      },
      keys: async (...names) => {
        for (const name of names) await xdotool(['key', '--clearmodifiers', name]);
      },
      type: async (text) => {
        await xdotool(['type', '--delay', '40', '--clearmodifiers', text]);
      },
      open: async (url) => {
        // Typed into the page instead of the address bar, each letter would be an Orca command:
        // type only once Orca says the address bar has the focus.
        const addressBar = /Address and search bar|Barre d’adresse et de recherche/;
        const mark = await reader.mark();
        // Chromium starts with the focus in its address bar, and Orca may have said so before the
        // mark: ctrl+L then moves nothing and Orca says nothing new. What Orca said last tells.
        const last = mark > 0 ? (await speech())[mark - 1] : undefined;
        await reader.keys('ctrl+l');
        if (!last || !addressBar.test(last.text)) await waitFor(addressBar, { since: mark, timeout: 30_000 });
        await reader.type(url);
        await reader.settle({ quiet: 500, timeout: 10_000 });
        await reader.keys('Return');
      },
      close,
    };
    return reader;
  } catch (error) {
    await close();
    throw error;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function safeKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** Processes whose environment carries this run's marker (Linux /proc). */
function processesWith(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').includes(`SAI_SCREEN_READER_RUN=${marker}\0`))
        pids.push(Number(entry));
    } catch {
      // gone, or not ours
    }
  }
  return pids;
}

const stderrs = new WeakMap<ChildProcess, string>();
function stderrOf(started: Started[], name: string): string {
  const child = started.find((s) => s.name === name)?.child;
  return (child && stderrs.get(child)?.slice(-800)) || '(pas de message)';
}

function firstLine(stream: NodeJS.ReadableStream, timeout: number, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`${what} n’a pas démarré en ${timeout / 1000} s`)), timeout);
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) {
        clearTimeout(timer);
        resolve(text.split('\n')[0]!);
      }
    });
    stream.on('end', () => {
      clearTimeout(timer);
      reject(new Error(`${what} s’est arrêté au démarrage`));
    });
  });
}
