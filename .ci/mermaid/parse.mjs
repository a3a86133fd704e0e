// Parse each mermaid block given on stdin (a JSON list of {kind, text}) with mermaid's own parser
// (@mermaid-js/parser); print a JSON list of null (parsed) or the parser's error message.
import { parse } from "@mermaid-js/parser";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const blocks = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const results = [];
for (const { kind, text } of blocks) {
  try {
    await parse(kind, text);
    results.push(null);
  } catch (error) {
    results.push(String(error.message));
  }
}
process.stdout.write(JSON.stringify(results));
