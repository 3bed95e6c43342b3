const calls: string[] = [];
let role = 'officer';
let answer: () => Promise<void> = async () => undefined;
jest.mock('@/platform/cloud-call', () => ({
  callAction: jest.fn(async (definition: { name: string }) => {
    calls.push(definition.name);
    await answer();
    return { ok: true, data: { role } };
  }),
}));

const WORKBENCH = '/packages/officer/pages/workbench/index';

let pages: { route: string; options?: Record<string, string> }[];
const navigate = jest.fn();

/** A fresh launch: the module's once-per-launch decision starts over (with its own Taro stand-in). */
async function freshLanding(): Promise<() => Promise<void>> {
  let land!: () => Promise<void>;
  await jest.isolateModulesAsync(async () => {
    const taro = (await import('@tarojs/taro')).default;
    jest.spyOn(taro, 'getCurrentPages').mockImplementation(() => pages as never);
    jest.spyOn(taro, 'navigateTo').mockImplementation(navigate);
    land = (await import('@/state/officer-landing')).landOfficersOnWorkbench;
  });
  return land;
}

beforeEach(() => {
  calls.length = 0;
  navigate.mockReset();
  role = 'officer';
  answer = async () => undefined;
  pages = [{ route: 'pages/feed/index', options: {} }];
});
afterEach(() => jest.restoreAllMocks());

test('an officer opening the app on the home tab is taken to the workbench, once per launch', async () => {
  const land = await freshLanding();
  await land();
  expect(navigate).toHaveBeenCalledWith({ url: WORKBENCH });
  await land();
  expect(navigate).toHaveBeenCalledTimes(1);
});

test('a resident stays on the feed', async () => {
  role = 'resident';
  await (await freshLanding())();
  expect(calls).toEqual(['me']);
  expect(navigate).not.toHaveBeenCalled();
});

test('a link to something (a query) or another page opened first is left alone, without asking', async () => {
  pages = [{ route: 'pages/feed/index', options: { fraudType: 'fake-police' } }];
  await (await freshLanding())();
  pages = [{ route: 'pages/me/index', options: {} }];
  await (await freshLanding())();
  expect(calls).toEqual([]);
  expect(navigate).not.toHaveBeenCalled();
});

test('whatever the person opened while the account was loading wins: no late redirect', async () => {
  answer = async () => {
    pages = [...pages, { route: 'packages/content/pages/article/index', options: { id: 'a1' } }];
  };
  await (await freshLanding())();
  expect(calls).toEqual(['me']);
  expect(navigate).not.toHaveBeenCalled();
});
