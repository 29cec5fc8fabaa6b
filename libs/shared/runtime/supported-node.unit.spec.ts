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

  it('refuses a release of the line older than its first with randomUUIDv7, and accepts that one', () => {
    expect(unsupportedRuntimeMessage(`${SUPPORTED_NODE_MAJOR}.0.0`)).toContain(`${SUPPORTED_NODE_MAJOR}.1 or later`);
    expect(unsupportedRuntimeMessage(`${SUPPORTED_NODE_MAJOR}.1.0`)).toBeNull();
  });

  it('refuses the next major line until it is measured and chosen', () => {
    expect(unsupportedRuntimeMessage(`${SUPPORTED_NODE_MAJOR + 1}.0.0`)).toContain(`Node ${SUPPORTED_NODE_MAJOR}`);
  });

  it('runs the test suite itself on the supported line', () => {
    expect(unsupportedRuntimeMessage()).toBeNull();
  });
});
