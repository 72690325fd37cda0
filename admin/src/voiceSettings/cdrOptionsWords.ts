import type { CdrFile } from './types';

const MAPPING_WORDS: Record<string, string> = {
  start: 'start',
  from: 'caller',
  to: 'called number',
  durationSeconds: 'talk seconds',
  answer: 'answered',
  end: 'ended',
  callId: 'call id',
  direction: 'direction',
};

/**
 * How a file is read, from the options kept with it, as short phrases: "times in America/Chicago",
 * "numbers without a country code: US", "loguniqueid on", "start ← Started"...
 */
export const cdrOptionWords = (file: Pick<CdrFile, 'format' | 'options'>): string[] => {
  const o = file.options as {
    timeZone?: string;
    defaultCountry?: string;
    direction?: string;
    logUniqueId?: boolean;
    logUserField?: boolean;
    newCdrColumns?: boolean;
    mapping?: Record<string, string>;
  };
  const words: string[] = [];
  if (o.timeZone) words.push(`times in ${o.timeZone}`);
  if (o.defaultCountry) words.push(`numbers without a country code: ${o.defaultCountry}`);
  words.push(o.direction ? `every call ${o.direction}` : "each call's own direction");
  if (file.format === 'asterisk') {
    const on = (['logUniqueId', 'logUserField', 'newCdrColumns'] as const).filter((flag) => o[flag]).map((flag) => flag.toLowerCase());
    words.push(on.length ? `${on.join(', ')} on` : 'the sixteen standard columns only');
  } else if (o.mapping) {
    for (const [fact, column] of Object.entries(o.mapping)) words.push(`${MAPPING_WORDS[fact] ?? fact} ← “${column}”`);
  }
  return words;
};
