// The types of local-engine.mjs, for test/pipeline-engines.test.ts.

/** How one run of the state machine on aws-local-stepfunctions ended. */
export interface LocalOutcome {
  readonly status: 'SUCCEEDED' | 'FAILED';
  readonly error?: string;
  readonly cause?: string;
  readonly transitions: number;
  readonly seconds: number;
}

/** The pipeline's Lambda function: its inline code and the ARN the definition names. */
export interface Tagger {
  readonly code: string;
  readonly functionArn: string;
}

/** POSTs `body` as JSON to `base + path` and resolves to the JSON answer. */
export function post(base: string, path: string, body: unknown): Promise<any>;

/** The state machine of `definition`, run against the fake on `base`: `run(scenario)` resets the fake to the scenario, runs once, and resolves to the outcome. */
export function localEngine(definition: unknown, tagger: Tagger | undefined, base: string): (scenario: string) => Promise<LocalOutcome>;
