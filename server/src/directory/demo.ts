// The demo clinic of SPEC §7.
import type { DirectoryEntry } from './directory.js';

export const DEMO_ENTRIES: readonly DirectoryEntry[] = [
  { practice: 'Happy Paws Veterinary Clinic', email: 'frontdesk@happypaws.example', userName: 'happypaws', active: true },
];
