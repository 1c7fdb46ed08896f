import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Probes PostgreSQL once, so its database tests are skipped with one line when it is absent;
    // builds the databases every test copies.
    globalSetup: ['test/support/global-setup.ts'],
    // A worker per core: Vitest's default leaves one for itself, which on two cores is half the
    // machine, and its own process is mostly idle.
    maxWorkers: availableParallelism(),
    // A worker's test files share its loaded modules instead of loading them again, about a
    // second each here. Tests share no state through them: each gets its own database and app.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
