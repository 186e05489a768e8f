import type { Plugin } from 'vite';

export function selfContainedLocalesPlugin(): Plugin;
