export { freePort } from './free-port.js';
export { startTcpProxy, type TcpProxy } from './tcp-proxy.js';
