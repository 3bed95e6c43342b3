/**
 * config/postcss-inline-tokens.js: the tokens 长辈模式 never changes are written in place of their
 * variables, converted like any other size by postcss-pxtransform (rpx on weapp, rem on H5); the
 * tokens the elder mode swaps stay variables, so switching modes still resizes the page.
 */
import path from 'node:path';
import postcss from 'postcss';

// Taro's own px converter (untyped), as the build runs it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pxtransform = require('postcss-pxtransform') as (options: object) => postcss.AcceptedPlugin;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const inlineTokens = require('../../config/postcss-inline-tokens.js') as ((options?: { tokensFile?: string }) => postcss.Plugin) & {
  constantTokens(file: string): Map<string, string>;
};

const TOKENS = path.join(__dirname, '..', '..', 'src', 'theme', 'tokens.scss');

function run(css: string, platform: 'weapp' | 'h5', tokensFile = TOKENS): string {
  const previous = process.env.TARO_ENV;
  process.env.TARO_ENV = platform;
  try {
    return postcss([pxtransform({ platform, designWidth: 375, deviceRatio: { 375: 2 } }), inlineTokens({ tokensFile })]).process(css, { from: undefined }).css;
  } finally {
    process.env.TARO_ENV = previous;
  }
}

test('colours, the small spaces and the radii are constants; what 长辈模式 swaps is not', () => {
  const constants = inlineTokens.constantTokens(TOKENS);
  expect(constants.get('--fq-color-text-secondary')).toBe('#4e5969');
  expect(constants.get('--fq-radius-small')).toBe('8px');
  for (const swapped of ['--fq-font-body', '--fq-font-secondary', '--fq-touch-target', '--fq-space-m', '--fq-space-l']) expect(constants.has(swapped)).toBe(false);
  // A token defined from another variable is left alone.
  expect([...constants.values()].some((value) => value.includes('var('))).toBe(false);
});

test('on weapp a constant is written in rpx, a swapped token stays a variable', () => {
  const css = run('.card{color:var(--fq-color-text-secondary);border-radius:var(--fq-radius);padding:var(--fq-space-s) var(--fq-space-m);font-size:var(--fq-font-body);min-height:var(--fq-touch-target);background:var(--fq-button-background)}', 'weapp');
  expect(css).toBe('.card{color:#4e5969;border-radius:24rpx;padding:16rpx var(--fq-space-m);font-size:var(--fq-font-body);min-height:var(--fq-touch-target);background:var(--fq-button-background)}');
});

test('on H5 the same px become rem, as the token definitions do', () => {
  const inlined = run('.card{border-radius:var(--fq-radius)}', 'h5');
  const defined = run('page{--fq-radius:12px}', 'h5');
  expect(inlined.match(/border-radius:([^}]+)/)?.[1]).toBe(defined.match(/--fq-radius:([^}]+)/)?.[1]);
});

test('without a tokens file (the bench floor app) nothing is inlined', () => {
  const css = '.card{color:var(--fq-color-text)}';
  expect(run(css, 'weapp', path.join(__dirname, 'no-such-tokens.scss'))).toBe(css);
});
