import type { FormEvent } from 'react'
import { Button, FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components'
import { useNavigate } from 'react-router'
import { useT } from '../../i18n/use-t'

/**
 * The way to any exam's page, for an exam not yet in the candidate's
 * history: its number, in either spelling; the page says if there is none.
 */
export function ExamLookup() {
  const t = useT()
  const navigate = useNavigate()

  function open(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const number = String(new FormData(event.currentTarget).get('exam')).trim()
    navigate(`/exams/${encodeURIComponent(number)}`)
  }

  return (
    <section aria-labelledby="exams" className="page-section">
      <h2 id="exams">{t('home.exams')}</h2>
      <Form onSubmit={open} className="row exam-lookup">
        <TextField name="exam" isRequired className="field">
          <Label>{t('home.examNumber')}</Label>
          <Input autoComplete="off" />
          <Text slot="description" className="secondary">
            {t('home.examNumberHelp')}
          </Text>
          <FieldError />
        </TextField>
        <Button type="submit" className="button quiet">
          {t('home.examOpen')}
        </Button>
      </Form>
    </section>
  )
}
