// Conformance with the official OpenAI Node SDK, unmodified, in two major versions (7.x and 4.x).
// Usage: node sdk.e2e.mjs <gateway /v1 base URL> <api key> <7|4>
// The Java side (NodeSdkIT) scripts the upstream answers in exactly this order, per run:
//   1. a chat completion "Hello from upstream" (5 prompt + 3 completion tokens)
//   2. a stream: role, "Hel", "lo", finish, usage chunk, [DONE]
//   3. a completion calling tool get_weather({"city":"Paris"})
//   4. + 5. the SDK's streaming tool runner (runTools): a stream calling get_weather({"city":"Paris"}) in two
//      argument deltas (6 + 4 tokens), then, after the runner sent the tool result, a stream "Sunny" (8 + 2 tokens)
//   6. an upstream 500 (the gateway answers 502)
// Requests that the gateway refuses itself (bad temperature, unknown model, bad key) never reach the upstream.
import assert from 'node:assert/strict';

const [baseURL, apiKey, major] = process.argv.slice(2);
const OpenAI = (await import(major === '4' ? 'openai4' : 'openai')).default;
const client = new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 20000 });
const messages = [{ role: 'user', content: 'Say hello.' }];

const requestIdOf = (error) => error.request_id
  ?? (typeof error.headers?.get === 'function' ? error.headers.get('x-request-id') : error.headers?.['x-request-id']);

async function expectError(promise, type, status, check) {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof type, `expected ${type.name}, got ${error.constructor.name}: ${error.message}`);
    assert.equal(error.status, status);
    assert.ok(requestIdOf(error), 'x-request-id reaches the SDK error');
    if (check) check(error);
    return;
  }
  assert.fail(`expected ${type.name}`);
}

const completion = await client.chat.completions.create({ model: 'it-basic', messages });
assert.equal(completion.object, 'chat.completion');
assert.equal(completion.model, 'it-basic', 'responses name the public model id');
assert.equal(completion.choices[0].message.content, 'Hello from upstream');
assert.equal(completion.usage.total_tokens, 8);

const stream = await client.chat.completions.create({ model: 'it-basic', messages, stream: true,
  stream_options: { include_usage: true } });
let text = '';
let usage = null;
let role = null;
for await (const chunk of stream) {
  assert.equal(chunk.object, 'chat.completion.chunk');
  assert.equal(chunk.model, 'it-basic');
  const delta = chunk.choices[0]?.delta;
  role ??= delta?.role ?? null;
  text += delta?.content ?? '';
  usage = chunk.usage ?? usage;
}
assert.equal(role, 'assistant', 'the first delta carries the role');
assert.equal(text, 'Hello');
assert.ok(usage && usage.total_tokens > 0, 'usage chunk when include_usage is asked');

const tools = [{ type: 'function', function: { name: 'get_weather', description: 'Weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } }];
const toolTurn = await client.chat.completions.create({ model: 'it-basic', messages, tools, tool_choice: 'auto' });
assert.equal(toolTurn.choices[0].finish_reason, 'tool_calls');
const call = toolTurn.choices[0].message.tool_calls[0];
assert.equal(call.function.name, 'get_weather');
assert.deepEqual(JSON.parse(call.function.arguments), { city: 'Paris' });

// The SDK's tool runner: it streams, accumulates the indexed tool-call deltas, runs the function locally and sends
// the result back as a role "tool" message with the call's id.
const seen = [];
const runTools = (client.chat.completions.runTools ?? client.beta.chat.completions.runTools)
  .bind(client.chat.completions.runTools ? client.chat.completions : client.beta.chat.completions);
const runner = runTools({ model: 'it-basic', messages, stream: true, tools: [{ type: 'function', function: {
  name: 'get_weather', description: 'Weather for a city', parse: JSON.parse,
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  function: (args) => { seen.push(args); return { sky: 'sunny' }; } } }] });
assert.equal(await runner.finalContent(), 'Sunny');
assert.deepEqual(seen, [{ city: 'Paris' }], 'the runner got the streamed arguments whole');
const toolMessage = runner.messages.find((m) => m.role === 'tool');
assert.ok(toolMessage && toolMessage.tool_call_id === 'call_s', 'the follow-up answers the call by its id');

await expectError(client.chat.completions.create({ model: 'it-basic', messages }), OpenAI.InternalServerError, 502);
await expectError(client.chat.completions.create({ model: 'it-basic', messages, temperature: 5 }),
  OpenAI.BadRequestError, 400, (e) => assert.equal(e.param, 'temperature'));
await expectError(client.chat.completions.create({ model: 'no-such-model', messages }), OpenAI.NotFoundError, 404);
await expectError(new OpenAI({ baseURL, apiKey: 'altllm-not-a-real-key', maxRetries: 0 }).chat.completions
  .create({ model: 'it-basic', messages }), OpenAI.AuthenticationError, 401);
const models = await client.models.list();
assert.ok(models.data.some((m) => m.id === 'it-basic'));
console.log(`openai-node ${major}.x conformance: ok`);
