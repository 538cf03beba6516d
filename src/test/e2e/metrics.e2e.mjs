// Parses a Prometheus text exposition with parse-prometheus-text-format (which rejects malformed lines) and prints
// it as JSON for a Java test. Usage: node metrics.e2e.mjs <file>
//   families: the parser's view, with each family's declared type and help;
//   samples:  every sample with its own labels. This parser folds all series of a histogram into one, so for this
//             view the same text is parsed again with the TYPE lines left out, which keeps _bucket/_sum/_count apart.
import { readFileSync } from 'node:fs';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';

const text = readFileSync(process.argv[2], 'utf8');
const families = parsePrometheusTextFormat(text);
const untyped = parsePrometheusTextFormat(text.split('\n').filter((line) => !line.startsWith('# TYPE ')).join('\n'));
const samples = untyped.flatMap((family) => family.metrics.map((m) => ({ name: family.name, labels: m.labels || {},
  value: m.value })));
if (families.length === 0 || samples.length === 0) {
  console.error('nothing parsed');
  process.exit(1);
}
console.log('PARSED ' + JSON.stringify({ families: families.map((f) => ({ name: f.name, type: f.type, help: f.help })),
  samples }));
