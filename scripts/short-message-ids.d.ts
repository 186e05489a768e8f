import type { Plugin } from 'vite';

export function shortMessageIdsPlugin(): Plugin;
