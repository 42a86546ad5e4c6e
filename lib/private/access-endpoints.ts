import { AccessEndpoint, AccessEndpointConfig } from '../access-endpoint';
import { ACCESS_ENDPOINTS } from './rules';
import { Validator } from './validation';

/**
 * The access endpoints of an AppStream resource (image builder, stack, app block builder): 1 to 4,
 * each checked under its index (`accessEndpoints[2]`).
 *
 * @returns the L1 `AccessEndpoints`, or undefined when none are given
 */
export function bindAccessEndpoints(v: Validator, endpoints: AccessEndpoint[] | undefined): AccessEndpointConfig[] | undefined {
  const fix = 'Give 1 to 4 endpoints, or leave accessEndpoints out.';
  const list = endpoints;
  if (list === undefined) {
    return undefined;
  }
  v.count('accessEndpoints', list.length, ACCESS_ENDPOINTS, 'endpoint', fix);
  return list.map((e, i) => e.bind(v.scope, `accessEndpoints[${i}]`));
}
