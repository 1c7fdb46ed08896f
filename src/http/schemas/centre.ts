import { Type } from 'typebox'
import type { TestCentre } from '../../domain/test-centre.js'

export const CentreOut = Type.Object({
  id: Type.String(),
  provider: Type.String(),
  name: Type.String(),
  address: Type.String(),
  city: Type.String(),
  country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
  latitude: Type.Number(),
  longitude: Type.Number(),
  timeZone: Type.String({ description: "IANA zone: the centre's clock" }),
})

export const CreateCentreBody = Type.Object(
  {
    id: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: 'Default: a new UUIDv7' }),
    ),
    provider: Type.String({ minLength: 1, maxLength: 40, examples: ['pearson-vue'] }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    address: Type.String({ minLength: 1, maxLength: 500 }),
    city: Type.String({ minLength: 1, maxLength: 100 }),
    country: Type.String({ maxLength: 8, examples: ['NZ'] }),
    latitude: Type.Number({ description: 'Degrees, -90 to 90', examples: [-36.8485] }),
    longitude: Type.Number({ description: 'Degrees, -180 to 180', examples: [174.7633] }),
    timeZone: Type.String({ maxLength: 64, examples: ['Pacific/Auckland'] }),
  },
  { additionalProperties: false },
)

export function toCentreOut(centre: TestCentre) {
  return {
    id: centre.id,
    provider: centre.providerId,
    name: centre.name,
    address: centre.address,
    city: centre.city,
    country: centre.country,
    latitude: centre.latitude,
    longitude: centre.longitude,
    timeZone: centre.timeZone,
  }
}
