// The floor our package budgets are measured against: the smallest app this stack can ship.
// Taro 4.2.1 + React, this project's own config/ and babel config, four empty tab pages and one
// NutUI Button, built in a temporary folder with this project's node_modules (a symlink), so the
// floor moves with our toolchain: a Taro or React upgrade raises the floor, not our ratio.
//
//   const floor = await buildFloorApp(['weapp', 'h5']);  // { weappDir, h5Dir, dir, remove() }
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const TAB_PAGES = ['feed', 'booking', 'consult', 'me'];

const appConfig = (tabIcons) => `export default defineAppConfig({
  pages: ${JSON.stringify(TAB_PAGES.map((name) => `pages/${name}/index`))},
  window: { navigationBarTitleText: 'floor' },
  tabBar: {
    list: ${JSON.stringify(
      TAB_PAGES.map((name) => ({
        pagePath: `pages/${name}/index`,
        text: name,
        ...(tabIcons ? { iconPath: `assets/tabbar/${name}.png`, selectedIconPath: `assets/tabbar/${name}-active.png` } : {}),
      })),
    )},
  },
  lazyCodeLoading: 'requiredComponents',
});
`;

const APP_TSX = `import type { PropsWithChildren } from 'react';
import './app.scss';

export default function App({ children }: PropsWithChildren) {
  return children;
}
`;

const BUTTON_PAGE = `import { View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';

export default function Page() {
  return (
    <View>
      <Button type="primary">button</Button>
    </View>
  );
}
`;

const EMPTY_PAGE = `import { View } from '@tarojs/components';

export default function Page() {
  return <View />;
}
`;

function write(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** Lays out the floor app's sources in a fresh temporary folder. */
export function writeFloorApp(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'floor-app-'))) {
  for (const file of ['package.json', 'babel.config.js', 'tsconfig.json', 'project.config.json']) fs.copyFileSync(path.join(root, file), path.join(dir, file));
  fs.cpSync(path.join(root, 'config'), path.join(dir, 'config'), { recursive: true });
  // No persistent cache: through the node_modules symlink it would share the project's cache
  // folder (same name), and a fresh build is what we want to measure anyway.
  const configFile = path.join(dir, 'config', 'index.ts');
  const config = fs.readFileSync(configFile, 'utf8');
  const uncached = config.replace(/cache:\s*\{\s*enable:\s*true\s*\}/, 'cache: { enable: false }');
  if (uncached === config) throw new Error('floor app: config/index.ts no longer has `cache: { enable: true }` to turn off');
  fs.writeFileSync(configFile, uncached);
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');

  // The same tab bar icons as ours: every tab app ships some.
  const icons = path.join(root, 'src', 'assets', 'tabbar');
  const hasIcons = fs.existsSync(icons);
  if (hasIcons) fs.cpSync(icons, path.join(dir, 'src', 'assets', 'tabbar'), { recursive: true });
  write(path.join(dir, 'src', 'app.config.ts'), appConfig(hasIcons));
  write(path.join(dir, 'src', 'app.tsx'), APP_TSX);
  write(path.join(dir, 'src', 'app.scss'), 'page { font-size: 16px; }\n');
  write(path.join(dir, 'src', 'index.html'), fs.readFileSync(path.join(root, 'src', 'index.html'), 'utf8'));
  TAB_PAGES.forEach((name, index) => {
    write(path.join(dir, 'src', 'pages', name, 'index.config.ts'), `export default definePageConfig({ navigationBarTitleText: '${name}' });\n`);
    write(path.join(dir, 'src', 'pages', name, 'index.tsx'), index === 0 ? BUTTON_PAGE : EMPTY_PAGE);
  });
  return dir;
}

/** Builds the floor app for each platform; returns its output folders. Call remove() when done. */
export function buildFloorApp(platforms = ['weapp', 'h5'], { log = () => {} } = {}) {
  const dir = writeFloorApp();
  const taro = path.join(root, 'node_modules', '@tarojs', 'cli', 'bin', 'taro');
  for (const platform of platforms) {
    log(`floor app: taro build --type ${platform}`);
    const result = spawnSync(process.execPath, [taro, 'build', '--type', platform], {
      cwd: dir,
      env: { ...process.env, NODE_ENV: 'production', FORCE_COLOR: '0', ...(platform === 'weapp' ? { FQ_WEAPP_CHECK_ONLY: '1' } : {}) },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) throw new Error(`floor app ${platform} build failed:\n${(result.stdout ?? '').slice(-2000)}\n${(result.stderr ?? '').slice(-2000)}`);
  }
  return {
    dir,
    weappDir: path.join(dir, 'dist', 'weapp'),
    h5Dir: path.join(dir, 'dist', 'h5'),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
