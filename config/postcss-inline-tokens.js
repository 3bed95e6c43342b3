/**
 * Writes the design tokens that never change at run time straight into the CSS: colours, the two
 * smallest spaces and the radii stay the same in 长辈模式, so `var(--fq-color-text-secondary)`
 * (31 bytes, in every component) can be `#4e5969`. Tokens the elder mode swaps (font sizes, touch
 * targets, the larger spaces) stay variables. The token definitions stay on `page` too, for the
 * few inline styles that read them.
 *
 * The values come from src/theme/tokens.scss (the `fq-tokens` mixin, less whatever
 * `fq-elder-tokens` redefines), in their px form: the declaration is replaced by a new one, which
 * postcss-pxtransform then visits and turns the px into rpx (weapp) or rem (H5) like any other size.
 * A build without that file (the bench's floor app) inlines nothing.
 */
const fs = require('node:fs');
const path = require('node:path');

const TOKENS_FILE = path.join(__dirname, '..', 'src', 'theme', 'tokens.scss');

/** `--name: value;` lines of one `@mixin name { … }` block, comments left out. */
function mixinTokens(source, mixin) {
  const body = source.match(new RegExp(`@mixin ${mixin}\\s*\\{([\\s\\S]*?)\\n\\}`))?.[1] ?? '';
  const tokens = new Map();
  for (const line of body.split('\n')) {
    const found = line.replace(/\/\/.*$/, '').match(/^\s*(--fq-[a-z0-9-]+)\s*:\s*([^;]+);/);
    if (found) tokens.set(found[1], found[2].trim());
  }
  return tokens;
}

/** The tokens whose value is the same in both modes and refers to no other variable. */
function constantTokens(file) {
  if (!fs.existsSync(file)) return new Map();
  const source = fs.readFileSync(file, 'utf8');
  const standard = mixinTokens(source, 'fq-tokens');
  const elder = mixinTokens(source, 'fq-elder-tokens');
  return new Map([...standard].filter(([name, value]) => !elder.has(name) && !value.includes('var(')));
}

module.exports = (options = {}) => {
  const constants = constantTokens(options.tokensFile ?? TOKENS_FILE);
  return {
    postcssPlugin: 'fq-inline-constant-tokens',
    Declaration(declaration) {
      if (constants.size === 0 || !declaration.value.includes('var(--fq-')) return;
      const value = declaration.value.replace(/var\((--fq-[a-z0-9-]+)\)/g, (whole, name) => constants.get(name) ?? whole);
      // A fresh node: postcss-pxtransform marks the declarations it has seen and would skip this one.
      if (value !== declaration.value) declaration.replaceWith(declaration.clone({ value }));
    },
  };
};
module.exports.postcss = true;
module.exports.constantTokens = constantTokens;
