'use strict';
// Helpers shared by the test scripts (CommonJS). Every wait is bounded so that a missing message
// fails the script with a clear error instead of hanging it.

const WAIT_MS = 15000;

function withTimeout(promise, what, ms = WAIT_MS) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Records every call of the given client methods, in arrival order, and lets a script wait for them.
class Inbox {
  constructor(connection, methods) {
    this.entries = [];
    this.cursors = new Map();
    this.waiters = [];
    for (const method of methods) {
      connection.on(method, (...args) => this._push(method, args));
    }
  }

  _push(name, args) {
    this.entries.push({ name, args });
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) {
      if (!waiter()) this.waiters.push(waiter);
    }
  }

  _waitFor(test, what) {
    return withTimeout(new Promise((resolve) => {
      const attempt = () => {
        const found = test();
        if (found !== undefined) {
          resolve(found);
          return true;
        }
        return false;
      };
      if (!attempt()) this.waiters.push(attempt);
    }), what);
  }

  // The arguments of the next call of `name` not yet returned by next().
  next(name) {
    return this._waitFor(() => {
      const from = this.cursors.get(name) || 0;
      for (let i = from; i < this.entries.length; i++) {
        if (this.entries[i].name === name) {
          this.cursors.set(name, i + 1);
          return this.entries[i].args;
        }
      }
      return undefined;
    }, `client method '${name}'`);
  }

  // The arguments of the first call of `name` ever received.
  first(name) {
    return this._waitFor(() => {
      const entry = this.entries.find((e) => e.name === name);
      return entry ? entry.args : undefined;
    }, `client method '${name}'`);
  }

  // Waits for `barrier(label)` and returns the arguments of every `name` call received before it.
  until(barrier, label, name) {
    return this._waitFor(() => {
      const index = this.entries.findIndex((e) => e.name === barrier && e.args[0] === label);
      if (index < 0) return undefined;
      return this.entries.slice(0, index).filter((e) => e.name === name).map((e) => e.args);
    }, `${barrier}('${label}')`);
  }
}

// The message of the error a promise rejects with; fails if it resolves.
async function errorOf(promise) {
  try {
    const value = await withTimeout(promise, 'an error');
    throw new Error(`expected an error, got ${JSON.stringify(value)}`);
  } catch (error) {
    if (error.message.startsWith('expected an error') || error.message.startsWith('timed out')) throw error;
    return error.message;
  }
}

// Every item of a SignalR stream, once it completes.
function collectStream(stream) {
  return withTimeout(new Promise((resolve, reject) => {
    const items = [];
    stream.subscribe({ next: (item) => items.push(item), error: reject, complete: () => resolve(items) });
  }), 'the stream to complete');
}

module.exports = { Inbox, errorOf, collectStream, withTimeout, WAIT_MS };
