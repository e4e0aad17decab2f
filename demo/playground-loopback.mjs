// Loaded into the Agents Playground process (NODE_OPTIONS=--import): it binds its ports without a
// host, which means every interface; a chat playground for local testing belongs on loopback only.
import net from 'node:net';

const LOOPBACK = '127.0.0.1';
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first] = args;
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (args.length < 2 || args[1] === undefined || args[1] === null) args[1] = LOOPBACK;
    else if (typeof args[1] === 'function') args.splice(1, 0, LOOPBACK);
  } else if (
    typeof first === 'object' &&
    first !== null &&
    first.host === undefined &&
    first.path === undefined &&
    first.fd === undefined &&
    first.handle === undefined &&
    first._handle === undefined
  ) {
    args[0] = { ...first, host: LOOPBACK };
  }
  return listen.apply(this, args);
};
