import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { VPCE_ID, VPCE_ID_FORMAT } from './private/rules';
import { Validator } from './private/validation';

/**
 * The type of an access endpoint.
 */
export enum AccessEndpointType {
  /** A streaming endpoint: sessions are streamed through it. */
  STREAMING = 'STREAMING',
}

/**
 * The configuration of an access endpoint, as the construct that uses it renders it.
 */
export interface AccessEndpointConfig {
  /** The endpoint type. */
  readonly endpointType: AccessEndpointType;
  /** The id of the interface VPC endpoint. */
  readonly vpceId: string;
}

/**
 * An interface VPC endpoint through which people reach an AppStream resource (administrators an
 * image builder, users a stack). With access endpoints, connections go only through them.
 *
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/creating-streaming-from-interface-vpc-endpoints.html
 */
export abstract class AccessEndpoint {
  /**
   * An interface VPC endpoint defined in, or imported into, your app.
   *
   * @param endpoint an interface VPC endpoint for the AppStream streaming service
   */
  public static fromVpcEndpoint(endpoint: ec2.IInterfaceVpcEndpoint): AccessEndpoint {
    return new IdEndpoint(endpoint.vpcEndpointId);
  }

  /**
   * An interface VPC endpoint by id, such as `vpce-0123456789abcdef0`.
   *
   * @param vpceId the endpoint's id (not a VPC id: `vpc-...` is rejected)
   */
  public static fromVpceId(vpceId: string): AccessEndpoint {
    return new IdEndpoint(vpceId);
  }

  /**
   * Check the endpoint for the construct that uses it, and return its configuration.
   *
   * @param scope the construct that uses the endpoint, named in error messages
   * @param property the property that holds the endpoint, as messages name it, with the index of its entry in a list
   */
  public abstract bind(scope: IConstruct, property?: string): AccessEndpointConfig;
}

class IdEndpoint extends AccessEndpoint {
  constructor(private readonly vpceId: string) {
    super();
  }

  public bind(scope: IConstruct, property: string = 'accessEndpoints'): AccessEndpointConfig {
    const v = Validator.of(scope);
    v.string(property, this.vpceId, VPCE_ID);
    const problem = v.stringProblem(this.vpceId, VPCE_ID_FORMAT);
    if (problem) {
      const fix = this.vpceId.startsWith('vpc-')
        ? "That is a VPC id: give the id of an interface VPC endpoint ('vpce-...') for the AppStream streaming service, or use AccessEndpoint.fromVpcEndpoint()."
        : 'Give the id of an interface VPC endpoint, or use AccessEndpoint.fromVpcEndpoint().';
      v.fail(property, this.vpceId, problem, fix);
    }
    return { endpointType: AccessEndpointType.STREAMING, vpceId: this.vpceId };
  }
}
