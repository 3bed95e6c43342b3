import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';
import { weappDeployment } from './deployment';
import { cheaperBuild, quickBuildOptions } from './build-speed';

const root = path.resolve(__dirname, '..');
const fromRoot = (...parts: string[]) => path.join(root, ...parts);

/** `domain/` sits beside `src/`; both mini and H5 builds must run it through babel too. */
const compileOutsideSrc = { include: [fromRoot('domain')] };

/**
 * Taro copies this file into dist/weapp as its project config. The root project.config.json
 * names cloudfunctionRoot relative to the repository root, which is wrong inside dist/weapp,
 * so the copy comes from a separate file without cloud settings. DevTools opens the root.
 */
const PROJECT_CONFIG_FOR_OUTPUT = 'config/project.weapp-output.json';

/**
 * `TARO_STATS_FILE=/tmp/stats.json npm run build:weapp` writes webpack's module and chunk stats
 * there: where the bytes of each package come from, when a size budget breaks.
 */
function writeStatsWhenAsked(chain: { plugin(name: string): { use(plugin: unknown): unknown } }) {
  const file = process.env.TARO_STATS_FILE;
  if (!file) return;
  chain.plugin('write-stats').use(
    class {
      apply(compiler: { hooks: { done: { tap(name: string, fn: (stats: { toJson(options: object): unknown }) => void): void } } }) {
        compiler.hooks.done.tap('write-stats', (stats) => {
          fs.writeFileSync(file, JSON.stringify(stats.toJson({ modules: true, chunks: true, chunkModules: true, reasons: true, source: Boolean(process.env.TARO_STATS_SOURCE) })));
        });
      }
    },
  );
}

type Chain = Parameters<typeof writeStatsWhenAsked>[0] & Parameters<typeof cheaperBuild>[0];
const webpackChain = (chain: Chain) => {
  cheaperBuild(chain);
  writeStatsWhenAsked(chain);
};

export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV ?? 'weapp';
  const deployment = weappDeployment(platform, process.env);
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'fengqiao-linjing',
    date: '2025-11-23',
    // NutUI React Taro is drawn at 375; the app's own styles use the same unit.
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: ['@tarojs/plugin-html'],
    defineConstants: {
      CLOUD_ENV_ID: JSON.stringify(deployment.envId),
      SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(deployment.templateIds),
    },
    alias: {
      '@': fromRoot('src'),
      '@domain': fromRoot('domain'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // `npm start` (scripts/start.mjs) builds the H5 app for this machine only (config/build-speed.ts).
    ...quickBuildOptions(),
    cache: { enable: true },
    // Taro's mini-program default (ascii_only) writes every Chinese character as a 6-byte \uXXXX
    // escape; WeChat reads UTF-8 sources, where it costs 3 bytes.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    mini: {
      compile: compileOutsideSrc,
      webpackChain,
      optimizeMainPackage: { enable: true },
      // Components style only their own BEM classes, so the order of their CSS never matters.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        // Colours, small spaces and radii written in place of their variables (config/postcss-inline-tokens.js).
        './config/postcss-inline-tokens.js': { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile: compileOutsideSrc,
      webpackChain,
      publicPath: '/',
      staticDirectory: 'static',
      // The local cloud serves dist/h5 as plain files: hash routes need no server rewrites.
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        './config/postcss-inline-tokens.js': { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  // `projectConfigName` is read by Taro's weapp platform but missing from its config type.
  Object.assign(baseConfig, { projectConfigName: PROJECT_CONFIG_FOR_OUTPUT });

  return process.env.NODE_ENV === 'development' ? merge({}, baseConfig, devConfig) : merge({}, baseConfig, prodConfig);
});
