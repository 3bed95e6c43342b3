import fs from 'node:fs';

/**
 * What makes Taro's webpack builds cheaper without changing what they produce, and the quick H5
 * build `npm start` uses (scripts/start.mjs sets FQ_QUICK_BUILD=1). CPU matters more than wall
 * time here: the build machines have two cores shared by several people.
 */

interface Stats {
  hasErrors(): boolean;
  toJson(options?: object, forToString?: boolean): unknown;
}
interface Compiler {
  hooks: { done: { tap(options: { name: string; stage?: number }, fn: (stats: Stats) => void): void } };
}
interface Chain {
  plugin(name: string): { use(plugin: unknown, args?: unknown[]): unknown };
  optimization: {
    minimizer(name: string): { tap(fn: (args: object[]) => object[]): unknown };
    concatenateModules(value: boolean): unknown;
  };
  module: {
    rule(name: string): {
      include: { values(): unknown[]; clear(): unknown; add(condition: unknown): unknown };
      uses: { has(name: string): boolean; delete(name: string): unknown };
      use(name: string): { tap(fn: (options: object) => object): unknown };
    };
  };
}

/**
 * Taro's two done-reporters (the progress bar's and the build logger's) each call
 * `stats.toJson({})` — every module, chunk and reason of the build — only to print its errors
 * and warnings: ≈ 3.5 s of CPU each on this project. They get just the errors and warnings.
 */
class ErrorsOnlyStatsForReporters {
  apply(compiler: Compiler) {
    compiler.hooks.done.tap({ name: 'errors-only-stats-for-reporters', stage: -1000 }, (stats) => {
      const toJson = stats.toJson.bind(stats);
      stats.toJson = (options, forToString) =>
        options && Object.keys(options).length === 0
          ? toJson({ all: false, errors: true, warnings: true, errorDetails: true, moduleTrace: true }, forToString)
          : toJson(options, forToString);
    });
  }
}

/**
 * Tells scripts/start.mjs (over the IPC channel it opens) that the app is written to dist/h5, so
 * it can serve it while webpack goes on storing its persistent cache for the next rebuild.
 */
class ReportWhenWritten {
  apply(compiler: Compiler) {
    compiler.hooks.done.tap({ name: 'report-when-written', stage: 1000 }, (stats) => {
      if (!stats.hasErrors()) process.send?.({ type: 'h5-written' });
    });
  }
}

const importsTaroApi = new Map<string, boolean>();
const callsTaroApi = (file: string) => {
  let answer = importsTaroApi.get(file);
  if (answer === undefined) {
    try {
      answer = /['"]@tarojs\/taro['"]/.test(fs.readFileSync(file, 'utf8'));
    } catch {
      answer = true; // not a plain file: babel as usual
    }
    importsTaroApi.set(file, answer);
  }
  return answer;
};

/**
 * Taro runs babel over every package whose path says "taro" (its runtime, components, router,
 * NutUI and its icons: ≈ 580 files, 1.5 MB, more than our own code). For H5 that does two things:
 * babel-plugin-transform-taroapi turns `Taro.showToast` into the named export the H5 runtime has
 * (nine of those files import @tarojs/taro), and preset-env lowers their already compiled ES2015+
 * code for older browsers. The quick build keeps the first and leaves out the second: it is
 * served to this machine's browser. Our own code (src, domain) goes through babel as always.
 */
function babelOnlyTaroApiCallersInPackages(include: { values(): unknown[]; clear(): unknown; add(condition: unknown): unknown }) {
  const conditions = include.values();
  include.clear();
  for (const condition of conditions) {
    if (typeof condition !== 'function') include.add(condition);
    else include.add((file: string) => Boolean(condition(file)) && (!/[\\/]node_modules[\\/]/.test(file) || callsTaroApi(file)));
  }
}

export const isQuickBuild = () => process.env.FQ_QUICK_BUILD === '1';

/** Plugins for every build (webpackChain). */
export function cheaperBuild(chain: Chain) {
  chain.plugin('errors-only-stats-for-reporters').use(ErrorsOnlyStatsForReporters);
  if (!isQuickBuild()) return;
  if (process.send) chain.plugin('report-when-written').use(ReportWhenWritten);
  // Taro hands the CSS minimizer cssnano's `preset` option, which esbuild refuses; the handful of
  // CSS files is minified in this process rather than in a pool of workers started for them.
  chain.optimization.minimizer('esBuildCssPlugin').tap(([options]) => [{ ...options, parallel: false, minimizerOptions: { target: 'es2020' } }]);
  // Scope hoisting only makes the bundle smaller (eslint-scope over every module, ≈ 3 % of the build).
  chain.optimization.concatenateModules(false);
  babelOnlyTaroApiCallersInPackages(chain.module.rule('script').include);
  // No source maps from sass, and so no resolve-url-loader, which rewrites url()s (our styles have
  // none) by following them.
  const scss = chain.module.rule('scss');
  const [resolveUrl, sass] = ['0', '1'];
  if (scss.uses.has(resolveUrl) && scss.uses.has(sass)) {
    scss.uses.delete(resolveUrl);
    scss.use(sass).tap((options) => ({ ...options, sourceMap: false }));
  }
}

/**
 * `npm start`'s H5 build, for this machine only: esbuild minifies JS and CSS (a fraction of
 * terser's and cssnano's time, a few KB larger), no progress bar or stats in its calm log.
 * The measured production bundle (npm run build:h5, the size bench, e2e) keeps terser.
 */
export function quickBuildOptions() {
  if (!isQuickBuild()) return {};
  return {
    jsMinimizer: 'esbuild' as const,
    cssMinimizer: 'esbuild' as const,
    esbuild: { minify: { enable: true, config: { target: 'es2020' } } },
    logger: { quiet: true, stats: false },
  };
}
