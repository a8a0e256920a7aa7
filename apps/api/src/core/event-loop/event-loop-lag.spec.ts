import { EventLoopLag } from './event-loop-lag';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('EventLoopLag', () => {
  it('reports the lag of a blocked event loop, and none when it is idle', async () => {
    const lag = new EventLoopLag();
    lag.onModuleInit();
    try {
      await sleep(100);
      expect(lag.p99Ms()).toBeLessThan(100);
      const until = Date.now() + 300;
      while (Date.now() < until) {
        // hold the event loop, as a synchronous parse on the API's thread would
      }
      await sleep(50);
      expect(lag.p99Ms()).toBeGreaterThanOrEqual(250);
    } finally {
      lag.onModuleDestroy();
    }
  });
});
