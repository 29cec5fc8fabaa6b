import { SUPPORTED_NODE_MAJOR, unsupportedRuntimeMessage } from './index.js';

describe('supported Node runtime', () => {
  it('accepts the supported major line', () => {
    expect(unsupportedRuntimeMessage(`${SUPPORTED_NODE_MAJOR}.12.1`)).toBeNull();
  });

  it('refuses an end-of-life Node with one line naming the supported line and npm', () => {
    const message = unsupportedRuntimeMessage('20.20.2');
    expect(message).toContain(`Node ${SUPPORTED_NODE_MAJOR}`);
    expect(message).toContain('npm start');
    expect(message).not.toContain('\n');
  });

  it('runs the test suite itself on the supported line', () => {
    expect(unsupportedRuntimeMessage()).toBeNull();
  });
});
