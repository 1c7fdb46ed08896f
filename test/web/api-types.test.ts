import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { API_TYPES_FILE, generateApiTypes } from '../../scripts/web-api-types.js'

describe("the web app's types of the API", () => {
  it('are those of the document the server serves now (`npm run web:api-types` writes them)', async () => {
    const checkedIn = readFileSync(API_TYPES_FILE, 'utf8')
    expect(
      checkedIn === (await generateApiTypes()),
      'web/src/api/schema.d.ts differs from /openapi.json: run `npm run web:api-types`',
    ).toBe(true)
  })
})
