/// <reference lib="webworker" />
/** Checks a backup off the UI thread; see `restore-protocol.ts`. */
import {
  answerRestoreRequest,
  type RestoreRequest,
  type RestoreResponse,
} from './restore-protocol';

// The renderer's tsconfig has the DOM lib, where `postMessage` is the window's; in a worker it
// takes only the message. Name the one signature we use.
const scope = self as unknown as { postMessage(message: RestoreResponse): void };

self.onmessage = (event: MessageEvent<RestoreRequest>) => {
  answerRestoreRequest(event.data, (response) => scope.postMessage(response));
};
