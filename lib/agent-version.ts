import { IConstruct } from 'constructs';
import { AGENT_VERSION } from './private/rules';
import { Validator } from './private/validation';

/**
 * The version of the AppStream agent an image builder (or another AppStream instance) runs.
 *
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/agent-software-versions.html
 */
export class AgentVersion {
  /** Always the newest agent: AppStream updates the builder's agent when it starts. */
  public static readonly LATEST = new AgentVersion('LATEST');

  /**
   * A specific agent version, for example `10-23-2024`.
   *
   * @param version the agent version, 1 to 100 characters
   */
  public static of(version: string): AgentVersion {
    return new AgentVersion(version);
  }

  /** The version as AppStream takes it. */
  public readonly version: string;

  private constructor(version: string) {
    this.version = version;
  }

  /**
   * Check the version for the construct that uses it, and return it.
   *
   * @param scope the construct that uses the version, named in error messages
   */
  public bind(scope: IConstruct): string {
    Validator.of(scope).string('agentVersion', this.version, AGENT_VERSION, 'Use AgentVersion.LATEST or a version of 1 to 100 characters.');
    return this.version;
  }
}
