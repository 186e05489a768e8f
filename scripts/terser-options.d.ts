import type { TerserOptions } from 'vite';

export declare const TERSER_OPTIONS: TerserOptions;
