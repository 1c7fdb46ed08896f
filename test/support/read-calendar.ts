/**
 * A small iCalendar reader for tests: enough of RFC 5545 to check what
 * examdesk writes, and to turn a `DTSTART;TZID=…` back into an instant using
 * only the file's own VTIMEZONE, as a calendar program would.
 */

export interface CalendarProperty {
  readonly name: string
  readonly params: Readonly<Record<string, string>>
  readonly value: string
}

export interface CalendarComponent {
  readonly name: string
  readonly properties: CalendarProperty[]
  readonly components: CalendarComponent[]
}

/** Parses unfolded content lines into nested components; the VCALENDAR is returned. */
export function readCalendar(text: string): CalendarComponent {
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '')
  const root: CalendarComponent = { name: '', properties: [], components: [] }
  const stack: CalendarComponent[] = [root]
  for (const line of lines) {
    const colon = line.indexOf(':', nameAndParamsEnd(line))
    const head = line.slice(0, colon)
    const value = line.slice(colon + 1)
    const [name = '', ...params] = head.split(';')
    const top = stack[stack.length - 1]!
    if (name === 'BEGIN') {
      const component: CalendarComponent = { name: value, properties: [], components: [] }
      top.components.push(component)
      stack.push(component)
    } else if (name === 'END') {
      if (top.name !== value) throw new Error(`END:${value} closes ${top.name}`)
      stack.pop()
    } else {
      top.properties.push({
        name,
        params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])),
        value,
      })
    }
  }
  const calendar = root.components[0]
  if (stack.length !== 1 || !calendar || calendar.name !== 'VCALENDAR')
    throw new Error('not one complete VCALENDAR')
  return calendar
}

/** A quoted parameter may hold a colon (`CN="a:b"`); the value starts after the first unquoted one. */
function nameAndParamsEnd(line: string): number {
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted
    else if (line[i] === ':' && !quoted) return i
  }
  return line.length
}

export function property(component: CalendarComponent, name: string): CalendarProperty {
  const found = component.properties.find((p) => p.name === name)
  if (!found) throw new Error(`${component.name} has no ${name}`)
  return found
}

export function child(component: CalendarComponent, name: string): CalendarComponent {
  const found = component.components.find((c) => c.name === name)
  if (!found) throw new Error(`${component.name} has no ${name}`)
  return found
}

/** `20260405T083000` as the milliseconds of that reading taken as if UTC. */
function wallClockMs(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(text)
  if (!m) throw new Error(`not a DATE-TIME: ${text}`)
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)
}

function offsetMs(text: string): number {
  const m = /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(text)
  if (!m) throw new Error(`not a UTC-OFFSET: ${text}`)
  const ms = ((+m[2]! * 60 + +m[3]!) * 60 + +(m[4] ?? 0)) * 1000
  return m[1] === '-' ? -ms : ms
}

/**
 * The instant a DATE-TIME property names: UTC when it ends in Z, else read
 * on the wall clock of its TZID as the calendar's VTIMEZONE defines it (the
 * first occurrence when a reading is repeated, RFC 5545 §3.3.5).
 */
export function instantOf(calendar: CalendarComponent, dateTime: CalendarProperty): number {
  if (dateTime.value.endsWith('Z')) return wallClockMs(dateTime.value)
  const tzid = dateTime.params.TZID
  const zone = calendar.components.find(
    (c) => c.name === 'VTIMEZONE' && property(c, 'TZID').value === tzid,
  )
  if (!zone) throw new Error(`no VTIMEZONE for ${tzid}`)
  const observances = zone.components
    .map((o) => {
      const from = offsetMs(property(o, 'TZOFFSETFROM').value)
      return {
        onset: wallClockMs(property(o, 'DTSTART').value) - from,
        to: offsetMs(property(o, 'TZOFFSETTO').value),
      }
    })
    .sort((a, b) => a.onset - b.onset)
  const local = wallClockMs(dateTime.value)
  const inForce = (at: number) => observances.filter((o) => o.onset <= at).at(-1)
  const readings = observances
    .map((o) => local - o.to)
    .filter((at) => inForce(at) !== undefined && local - inForce(at)!.to === at)
    .sort((a, b) => a - b)
  if (readings.length === 0) throw new Error(`${dateTime.value} does not exist in ${tzid}`)
  return readings[0]!
}
