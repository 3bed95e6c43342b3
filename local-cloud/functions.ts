import type { FunctionName } from '@domain/actions';
import * as account from '../cloudfunctions/account';
import accountConfig from '../cloudfunctions/account/config.json';
import * as directory from '../cloudfunctions/directory';
import directoryConfig from '../cloudfunctions/directory/config.json';

export interface TimerTriggerConfig {
  name: string;
  type: 'timer';
  config: string;
}

export interface FunctionConfig {
  permissions?: { openapi?: string[] };
  triggers?: TimerTriggerConfig[];
}

export interface LocalFunction {
  name: FunctionName;
  main: (event: unknown, context?: unknown) => Promise<unknown>;
  config: FunctionConfig;
}

/** Every deployed function, by name: a FunctionName missing here fails the type check. */
export const LOCAL_FUNCTIONS: Record<FunctionName, LocalFunction> = {
  account: { name: 'account', main: account.main, config: accountConfig as FunctionConfig },
  directory: { name: 'directory', main: directory.main, config: directoryConfig as FunctionConfig },
};
