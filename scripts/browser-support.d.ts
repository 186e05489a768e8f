export interface Floor {
  browser: string;
  target: string[];
  version: string;
  setBy: string;
}
export const FLOORS: Floor[];
export const BUILD_TARGET: string[];
