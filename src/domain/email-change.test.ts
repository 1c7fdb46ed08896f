import { describe, expect, it } from 'vitest'
import { decideEmailChange } from './email-change.js'

const ANA = { id: 'acct-ana', email: 'ana.tupou@example.com' }

describe('decideEmailChange', () => {
  it('changes nothing for the address the account has', () => {
    expect(decideEmailChange(ANA, 'ana.tupou@example.com', ANA)).toBe('unchanged')
  })

  it('asks a free address, or a change of case alone, to confirm', () => {
    expect(decideEmailChange(ANA, 'ana@tupou.example', null)).toBe('confirm')
    expect(decideEmailChange(ANA, 'Ana.Tupou@example.com', ANA)).toBe('confirm')
  })

  it('tells an address another account has that it has one, whatever its case', () => {
    expect(decideEmailChange(ANA, 'Rosa.Delgado@examdesk.example', { id: 'acct-rosa' })).toBe(
      'in-use',
    )
  })
})
