import {
  Button,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
} from 'react-aria-components'

export interface Choice {
  readonly id: string
  readonly label: string
}

/** A field whose value is one of many known choices, found by typing part of its name. */
export function ChoiceField(props: {
  readonly name: string
  readonly label: string
  readonly choices: readonly Choice[]
  readonly defaultSelectedKey?: string
  readonly isRequired?: boolean
  /** What the API found wrong with the value sent, kept until the form is sent again. */
  readonly errorMessage?: string | null
}) {
  return (
    <ComboBox
      name={props.name}
      className="field"
      defaultItems={props.choices}
      isRequired={props.isRequired}
      isInvalid={props.errorMessage != null}
      formValue="key"
      {...(props.defaultSelectedKey === undefined
        ? {}
        : { defaultSelectedKey: props.defaultSelectedKey })}
    >
      <Label>{props.label}</Label>
      <div className="combo">
        <Input />
        <Button className="button quiet combo-button">
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      <FieldError className="field-error">{props.errorMessage}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox">
          {(choice: Choice) => (
            <ListBoxItem id={choice.id} className="listbox-item">
              {choice.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  )
}
