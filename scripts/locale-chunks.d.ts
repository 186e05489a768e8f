import type { Plugin } from 'vite';

export function isPageMessage(id: string): boolean;
export function localeEntries(): Record<string, string>;
export function localeChunksPlugin(): Plugin;
