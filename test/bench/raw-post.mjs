// The floor of the single-push benchmark: Node starting and sending one raw http.request POST of
// the same body the CLI sends, and nothing else.
import { request } from "node:http";

const [url, apiKey, body] = process.argv.slice(2);
const post = request(url, {
  method: "POST",
  headers: {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "x-octopus-apikey": apiKey,
  },
});
post.on("response", (response) => {
  response.resume();
  response.on("end", () => {
    if (response.statusCode !== 200 && response.statusCode !== 201) process.exitCode = 1;
  });
});
post.end(body);
