/**
 * The python-stewardship backend plugin: the conformance service.
 *
 * @packageDocumentation
 */
export { pythonStewardshipPlugin as default } from './plugin';
