/** Two projects: everything on Node (domain, cloud functions on the embedded database, local cloud) and React components in jsdom. */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }];

const aliases = {
  '^@domain/(.*)$': '<rootDir>/domain/$1',
  '^@platform/(.*)$': '<rootDir>/platform/$1',
  '^@local-cloud/(.*)$': '<rootDir>/local-cloud/$1',
  // Only WeChat's servers are emulated: cloud functions run against the local cloud's SDK.
  '^wx-server-sdk$': '<rootDir>/local-cloud/wx-server-sdk/index.ts',
};

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: ['**/tests/{unit,functions,local-cloud}/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': swc },
      moduleNameMapper: aliases,
    },
    {
      displayName: 'components',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/tests'],
      testMatch: ['**/tests/components/**/*.test.tsx'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      transformIgnorePatterns: ['/node_modules/(?!(@nutui|@tarojs)/)'],
      moduleNameMapper: {
        ...aliases,
        '^@/(.*)$': '<rootDir>/src/$1',
        '\\.(css|scss|sass)$': '<rootDir>/tests/support/style-stub.js',
        '^@tarojs/taro$': '<rootDir>/tests/support/taro-stub.ts',
        '^@tarojs/components$': '<rootDir>/tests/support/taro-components-stub.tsx',
      },
    },
  ],
};
