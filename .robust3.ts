import { parseHeaders } from "./generator/parse/index.js";
const dirs = ["/work/upstream-sai/inc", "/work/upstream-sai/experimental"];
const n = Number(process.env.N ?? "0");
for (let i = 0; i < 3; i++) parseHeaders(dirs);
for (let i = 0; i < n; i++) parseHeaders(dirs);
