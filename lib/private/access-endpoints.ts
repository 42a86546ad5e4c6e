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
  if (endpoints === undefined) {
    return undefined;
  }
  v.count('accessEndpoints', endpoints.length, ACCESS_ENDPOINTS, 'endpoint', 'Give 1 to 4 endpoints, or leave accessEndpoints out.');
  return endpoints.map((e, i) => e.bind(v.scope, `accessEndpoints[${i}]`));
}
