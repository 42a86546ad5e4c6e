// Runs the pipeline's Lambda function code (the inline code synth.ts takes from the template) as
// Lambda's Node.js runtime would, with `@aws-sdk/client-appstream` replaced by a client that sends
// each command to the fake at SDK_URL (POST {region, operation, params}; run.py and lambda_host.py
// serve it), so the fake validates the request against botocore's input shape. Any other `require`
// fails, as a module the runtime lacks would.
//
// - imported: `invoke(code, event, functionArn, sdkUrl)` resolves to the handler's result, or
//   rejects with an Error whose name is the error's (as Lambda reports it: errorType).
// - run: `node lambda-host.mjs SDK_URL FUNCTION_ARN` reads {code, event} as JSON on stdin and prints
//   {"result": ...} or {"errorType": ..., "errorMessage": ...}.

function appStreamModule(sdkUrl) {
  class AppStreamClient {
    constructor(config) {
      this.region = config?.region;
    }

    async send(command) {
      const response = await fetch(sdkUrl, {
        method: 'POST',
        body: JSON.stringify({ region: this.region, operation: command.operation, params: command.input }),
      });
      const answer = await response.json();
      if (answer.error) {
        const error = new Error(answer.message);
        error.name = answer.error;
        throw error;
      }
      return answer.result;
    }
  }
  // Every `<Operation>Command` the real client exports: the command's name says its operation.
  return new Proxy({ AppStreamClient }, {
    get(target, name) {
      if (name in target) return target[name];
      if (typeof name === 'string' && name.endsWith('Command')) {
        const operation = name.slice(0, -'Command'.length);
        return class {
          constructor(input) {
            this.input = input;
            this.operation = operation;
          }
        };
      }
      return undefined;
    },
  });
}

export async function invoke(code, event, functionArn, sdkUrl) {
  const module = { exports: {} };
  const require = (name) => {
    if (name === '@aws-sdk/client-appstream') return appStreamModule(sdkUrl);
    throw new Error(`Cannot find module '${name}' (the stand-in runtime has only @aws-sdk/client-appstream)`);
  };
  new Function('require', 'module', 'exports', code)(require, module, module.exports);
  const name = functionArn.split(':').pop();
  return module.exports.handler(event, { invokedFunctionArn: functionArn, functionName: name, awsRequestId: 'fake-request' });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [sdkUrl, functionArn] = process.argv.slice(2);
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const { code, event } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  try {
    const result = await invoke(code, event, functionArn, sdkUrl);
    process.stdout.write(JSON.stringify({ result: result ?? null }));
  } catch (e) {
    process.stdout.write(JSON.stringify({ errorType: e.name, errorMessage: e.message }));
  }
}
