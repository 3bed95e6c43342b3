/**
 * The deployment settings a running function knows of: here every function's (tests and the
 * local cloud run them all from one copy). In a deployed bundle the build
 * (scripts/build-cloudfunctions.mjs) puts that function's own settings in this module's place,
 * so no function carries the template ids, secrets and purposes of the others.
 */
import { settingsOf, TEMPLATE_SETTINGS, type DeployedFunction, type FunctionSettings, type TemplateSetting } from '../../config/deployment';

/** The subscribe-message templates this code may send. */
export const KNOWN_TEMPLATES: readonly TemplateSetting[] = TEMPLATE_SETTINGS;

/** The secrets and templates one function needs. */
export const settingsOfFunction = (fn: DeployedFunction): FunctionSettings => settingsOf(fn);
