/**
 * What a screen reader said, as evidence: Orca's debug file holds one `SPEECH OUTPUT: '…'` line per
 * utterance (scripts/screen-reader/). These functions read it and check a journey's transcript
 * against what a person must hear; they are pure, the stack that produces the file is not.
 */

export interface Utterance {
  /** Orca's clock (« 10:50:31.567314 »), for the order and the pauses only. */
  time: string;
  text: string;
}

// « 10:50:31.567314 - SPEECH OUTPUT: 'Lecteur d’écran activé.'{'established': False} »: the text
// ends at the quote followed by an optional « voice=… », the voice's settings ({…} or [{…}]) and the
// line's end. An utterance is one line: Orca logs a text with line breaks as several utterances.
const speechLine =
  /^(?:(\d\d:\d\d:\d\d\.\d+) - )?SPEECH OUTPUT: '([^\n]*?)'(?: voice=\w+)?(?:\[?\{[^\n]*\}\]?)?[ \t]*$/gm;

/** Every utterance of an Orca debug file, in order. */
export function speechOf(debugOutput: string): Utterance[] {
  const utterances: Utterance[] = [];
  for (const match of debugOutput.matchAll(speechLine)) {
    const text = match[2]!.replace(/\s+/g, ' ').trim();
    if (text) utterances.push({ time: match[1] ?? '', text });
  }
  return utterances;
}

/** Something a person must hear during a journey, in French: what it is, and what matches it. */
export interface Expectation {
  /** « le titre de la page », « le message d’erreur »… */
  what: string;
  /** Regular expression (source, case-insensitive) an utterance must match. */
  pattern: string;
}

export interface TranscriptCheck {
  /** Per expectation, the utterance that met it (undefined: not heard). */
  heard: { what: string; pattern: string; utterance?: string }[];
  missing: Expectation[];
}

/**
 * Checks a transcript against expectations taken in order: each must be met by an utterance after
 * the one that met the previous (an error announced before the wrong income was typed proves nothing).
 */
export function checkTranscript(transcript: readonly string[], expectations: readonly Expectation[]): TranscriptCheck {
  let from = 0;
  const heard: TranscriptCheck['heard'] = [];
  const missing: Expectation[] = [];
  for (const expectation of expectations) {
    const pattern = new RegExp(expectation.pattern, 'iu');
    const index = transcript.findIndex((text, i) => i >= from && pattern.test(text));
    if (index === -1) {
      missing.push(expectation);
      heard.push({ what: expectation.what, pattern: expectation.pattern });
    } else {
      heard.push({ what: expectation.what, pattern: expectation.pattern, utterance: transcript[index]! });
      from = index + 1;
    }
  }
  return { heard, missing };
}
