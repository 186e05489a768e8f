// `npm run analyze` writes custom-elements.json from the doc comments in src/; never edit it by hand.
export default {
  globs: ['src/**/*.ts'],
  litelement: true,
  // package.json already names the manifest; the freshness check must not rewrite it.
  packagejson: false,
};
