import { useId } from 'react'

/**
 * A choice among a few known values: the browser's own select, which every
 * reader, keyboard and screen reader already knows.
 */
export function SelectField(props: {
  readonly name: string
  readonly label: string
  readonly options: readonly { readonly value: string; readonly label: string }[]
  readonly defaultValue?: string
  readonly value?: string
  onChange?(value: string): void
}) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        className="select"
        {...(props.value === undefined ? {} : { value: props.value })}
        {...(props.defaultValue === undefined ? {} : { defaultValue: props.defaultValue })}
        onChange={(event) => props.onChange?.(event.target.value)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}
