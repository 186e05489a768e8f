// How one variable's text becomes a value (a whole number, minutes, a yes/no, a URL, a list), and
// the error that names the variable when it cannot; config.ts composes these into a Config.
import { VARIABLES } from './config-variables.js';

/** A configuration problem, worded for the person starting the service. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type Env = Record<string, string | undefined>;

export function read(env: Env, name: string): string {
  const variable = VARIABLES.find((v) => v.name === name);
  const value = env[name]?.trim();
  return value === undefined || value === '' ? (variable?.fallback ?? '') : value;
}

export function integer(env: Env, name: string, min: number, max: number): number {
  const text = read(env, name);
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  }
  return value;
}

/** A number of minutes that may have a fraction (a test's 0.05 is three seconds). */
export function minutes(env: Env, name: string, min: number, max: number): number {
  const text = read(env, name);
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || value < min || value > max) {
    throw new ConfigError(`${name} must be a number of minutes from ${min} to ${max}, not "${text}"`);
  }
  return value;
}

export function boolean(env: Env, name: string): boolean {
  const text = read(env, name).toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off'].includes(text)) return false;
  throw new ConfigError(`${name} must be true or false, not "${text}"`);
}

export function url(name: string, text: string, protocols: string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new ConfigError(`${name} must be a URL (${protocols.join(' or ')}), not "${redactUrl(text)}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.join(' or ')}, not "${parsed.protocol}"`);
  }
  return text;
}

/** A URL with its password replaced, safe to print. */
export function redactUrl(text: string): string {
  try {
    const parsed = new URL(text);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return text.replace(/\/\/[^@/]*@/, '//***@');
  }
}

export function list(env: Env, name: string): string[] {
  return read(env, name)
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
