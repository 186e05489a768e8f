import type { Plugin } from 'vite';

export function asciiEntryPlugin(): Plugin;
