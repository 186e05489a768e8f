import type { Plugin } from 'vite';

export function isPageMessage(id: string): boolean;
export function isResetMessage(id: string): boolean;
export function localeEntries(bundle?: 'panel' | 'reset'): Record<string, string>;
export function localeChunksPlugin(options?: { bundle?: 'panel' | 'reset' }): Plugin;
