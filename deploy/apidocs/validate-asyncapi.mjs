// Validates docs/asyncapi/asyncapi.yaml (and the JSON Schemas it references) with the AsyncAPI
// project's own parser; @asyncapi/cli needs a newer Node than this machine's 20. Exit 1 on any error;
// warnings are printed and do not fail.
import { Parser, fromFile } from '@asyncapi/parser';

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate-asyncapi.mjs <asyncapi.yaml>');
  process.exit(2);
}
const parser = new Parser();
const { document, diagnostics } = await fromFile(parser, file).parse();
const severities = ['error', 'warning', 'info', 'hint'];
for (const d of diagnostics) {
  const where = d.path && d.path.length ? ` at ${d.path.join('.')}` : '';
  console.log(`${severities[d.severity] ?? d.severity} ${d.code}${where}: ${d.message}`);
}
const errors = diagnostics.filter((d) => d.severity === 0);
if (!document || errors.length) {
  console.error(`${file}: invalid AsyncAPI document (${errors.length} errors)`);
  process.exit(1);
}
const messages = document.allMessages().length;
const channels = document.allChannels().length;
console.log(`${file}: valid AsyncAPI ${document.version()}, ${channels} channels, ${messages} messages, ` +
  `${diagnostics.length - errors.length} warnings`);
