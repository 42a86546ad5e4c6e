// The image pipeline's state machine on aws-local-stepfunctions (Node >= 22), against the fake served
// on BASE (run.py, or serve.py for test/pipeline-engines.test.ts). Each SDK task is routed to the fake
// (/call), which validates the request against botocore's input shape and answers in the output shape,
// in Step Functions' PascalCase. A Lambda task (the re-tagging of copies) runs the function's own
// inline code here (lambda-host.mjs), its AppStream calls sent to the same fake (/sdk). Waits and
// retry intervals are overridden to 0 ms.
//
// `localEngine(definition, tagger, base)` returns `run(scenario)`: it resets the fake to the scenario
// (/reset), runs the machine once and resolves to its outcome (status, error, cause, states entered,
// seconds). Reporting the outcome (/done) is the caller's.
import { StateMachine } from 'aws-local-stepfunctions';
import { invoke } from './lambda-host.mjs';

export async function post(base, path, body) {
  const response = await fetch(`${base}${path}`, { method: 'POST', body: JSON.stringify(body) });
  return response.json();
}

/** Every Task and Wait state, anywhere in the definition (branches, item processors), by name. */
function tasksAndWaits(definition) {
  const tasks = {};
  const waits = {};
  (function walk(states) {
    for (const [name, state] of Object.entries(states)) {
      if (state.Type === 'Wait') waits[name] = 0;
      if (state.Type === 'Task' && state.Resource.endsWith(':states:::lambda:invoke')) {
        tasks[name] = { service: 'lambda', operation: 'Invoke' };
      } else if (state.Type === 'Task') {
        const match = /^arn:aws:states:::aws-sdk:([a-z0-9]+):([A-Za-z0-9]+)(\.waitForTaskToken)?$/.exec(state.Resource);
        if (!match) throw new Error(`${name}: not an SDK integration: ${state.Resource}`);
        tasks[name] = { service: match[1], operation: match[2][0].toUpperCase() + match[2].slice(1), callback: match[3] !== undefined };
      }
      for (const branch of state.Branches ?? []) walk(branch.States);
      if (state.ItemProcessor) walk(state.ItemProcessor.States);
      if (state.Iterator) walk(state.Iterator.States);
    }
  })(definition.States);
  return { tasks, waits };
}

/** The most states a run may enter before it is stopped as a loop that never ends. */
const MAX_TRANSITIONS = 1000;

export function localEngine(definition, tagger, base) {
  const { tasks, waits } = tasksAndWaits(definition);
  const handlers = {};
  const retries = {};
  for (const [name, { service, operation, callback }] of Object.entries(tasks)) {
    retries[name] = 0;
    // The pipeline's Lambda function: its own code, here, its AppStream calls sent to the fake's /sdk.
    // An error is the function's: its name as Lambda reports it (errorType), its cause Lambda's JSON.
    if (service === 'lambda') {
      handlers[name] = async (input) => {
        if (!tagger || input.FunctionName !== tagger.functionArn) throw new Error(`${name}: no code for ${input.FunctionName}`);
        try {
          return { StatusCode: 200, ExecutedVersion: '$LATEST', Payload: await invoke(tagger.code, input.Payload, tagger.functionArn, `${base}/sdk`) };
        } catch (e) {
          const error = new Error(JSON.stringify({ errorType: e.name, errorMessage: e.message }));
          error.name = e.name;
          throw error;
        }
      };
      continue;
    }
    handlers[name] = async (input) => {
      // A .waitForTaskToken task (the recipe's hand-over): this engine has no task tokens or heartbeats,
      // so the fake makes the call and answers as the agent would, or as Step Functions would time out.
      const answer = await post(base, callback ? '/callback' : '/call', { service, operation, params: input });
      if (answer.error) {
        const error = new Error(answer.message);
        error.name = answer.error;
        throw error;
      }
      return answer.result;
    };
  }

  const machine = new StateMachine(definition, { validationOptions: { checkPaths: true, checkArn: true } });
  return async function run(scenario) {
    await post(base, '/reset', { scenario });
    const started = Date.now();
    const now = new Date();
    const execution = machine.run({}, {
      overrides: { taskResourceLocalHandlers: handlers, waitTimeOverrides: waits, retryIntervalOverrides: retries },
      context: {
        Execution: {
          Id: `arn:aws:states:us-east-1:123456789012:execution:pipeline:${now.getTime()}`,
          Name: `${now.getTime()}`,
          Input: {},
          StartTime: now.toISOString(),
          RoleArn: 'arn:aws:iam::123456789012:role/pipeline',
        },
        Task: { Token: 'local-task-token' }, // $$.Task.Token of a .waitForTaskToken task
        StateMachine: { Id: 'arn:aws:states:us-east-1:123456789012:stateMachine:pipeline', Name: 'pipeline' },
      },
    });
    let entered = 0;
    let runaway = false;
    const counting = (async () => {
      for await (const event of execution.eventLogs) {
        if (event.type === 'StateEntered') entered++;
        // A loop that never ends (a poll whose exit is broken): stop it here, far above the longest
        // scenario's 60 states, rather than wait for the test's timeout.
        if (entered > MAX_TRANSITIONS && !runaway) {
          runaway = true;
          execution.abort();
        }
      }
    })();
    let outcome;
    try {
      await execution.result;
      outcome = { status: 'SUCCEEDED' };
    } catch (e) {
      outcome = runaway
        ? { status: 'FAILED', error: 'RunawayExecution', cause: `stopped after ${MAX_TRANSITIONS} states entered` }
        : { status: 'FAILED', error: e.name, cause: e.message };
    }
    await counting.catch(() => undefined);
    outcome.transitions = entered;
    outcome.seconds = (Date.now() - started) / 1000;
    return outcome;
  };
}
