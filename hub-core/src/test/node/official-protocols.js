// Runs the official SignalR client's own hub protocols (npm @microsoft/signalr and
// @microsoft/signalr-protocol-msgpack) against frames written by HubKit, and writes the frames the
// client itself sends, so the Java test can check both directions.
//
// stdin:  {"json": "<base64 of JSON frames>", "messagepack": "<base64 of MessagePack frames>"}
// stdout: one JSON line {"parsed": {"json": [...], "messagepack": [...]},
//                        "sent": {"json": "<base64>", "messagepack": "<base64>"}}
// Dates are described as {"$date": ISO string}, byte arrays as {"$bytes": hex}.
"use strict";

const signalR = require("@microsoft/signalr");
const { MessagePackHubProtocol } = require("@microsoft/signalr-protocol-msgpack");

const protocols = { json: new signalR.JsonHubProtocol(), messagepack: new MessagePackHubProtocol() };
const logger = signalR.NullLogger.instance;

function describe(value) {
    if (value instanceof Date) {
        return { $date: value.toISOString() };
    }
    if (value instanceof Uint8Array) {
        return { $bytes: Buffer.from(value).toString("hex") };
    }
    if (Array.isArray(value)) {
        return value.map(describe);
    }
    if (value !== null && typeof value === "object") {
        const described = {};
        for (const key of Object.keys(value)) {
            if (value[key] !== undefined) {
                described[key] = describe(value[key]);
            }
        }
        return described;
    }
    return value;
}

function parse(name, base64) {
    const bytes = Buffer.from(base64, "base64");
    const input = name === "json"
        ? bytes.toString("utf8")
        : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
    return protocols[name].parseMessages(input, logger).map(describe);
}

// What the client's HubConnection sends, shaped as it shapes them.
function clientMessages(name) {
    const tag = { name: "x", tags: ["a", "b"] };
    const messages = [
        { target: "Echo", arguments: ["hi", 42, 1.5, true, null, tag], invocationId: "0", type: 1 },
        { target: "Send", arguments: ["fire and forget"], type: 1 },
        { target: "Upload", arguments: [], invocationId: "1", streamIds: ["2"], type: 1 },
        { target: "Counter", arguments: [10], invocationId: "3", type: 4 },
        { invocationId: "2", item: "chunk", type: 2 },
        { invocationId: "2", type: 3 },
        { invocationId: "4", error: "Error: upload failed", type: 3 },
        { invocationId: "s1", result: 42, type: 3 },
        { invocationId: "3", type: 5 },
        { type: 6 },
        { type: 7 },
        { sequenceId: 3, type: 8 },
        { sequenceId: 4, type: 9 },
        { headers: { traceparent: "00-1-2-01" }, target: "Send", arguments: ["with headers"], type: 1 },
    ];
    if (name === "messagepack") {
        messages.push({ target: "Binary", arguments: [new Date(Date.UTC(2000, 0, 1)), new Uint8Array([1, 2, 3])], type: 1 });
    }
    const frames = messages.map((m) => protocols[name].writeMessage(m));
    const buffers = frames.map((f) => (typeof f === "string" ? Buffer.from(f, "utf8") : Buffer.from(f)));
    return Buffer.concat(buffers).toString("base64");
}

const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const result = {
    parsed: { json: parse("json", input.json), messagepack: parse("messagepack", input.messagepack) },
    sent: { json: clientMessages("json"), messagepack: clientMessages("messagepack") },
};
process.stdout.write(JSON.stringify(result) + "\n");
