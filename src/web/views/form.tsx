import type { Children } from '@kitajs/html'
import type { FieldProblem } from '../../shared/errors.js'
import type { PageCtx } from '../page-context.js'

export interface FormState {
  values: Record<string, string>
  problems: FieldProblem[]
  /** A form-level message (already translated). */
  message?: string | undefined
}

export const emptyForm = (values: Record<string, string> = {}): FormState => ({ values, problems: [] })

/** A labelled input with its server-side error shown beside it and tied by aria-describedby. */
export function Field(props: {
  ctx: PageCtx
  form: FormState
  name: string
  label: string
  type?: string
  required?: boolean
  autocomplete?: string
  maxlength?: number
}) {
  const problem = props.form.problems.find((p) => p.field === props.name)
  const id = `f-${props.name}`
  const keepValue = props.type !== 'password'
  return (
    <div class={problem ? 'field invalid' : 'field'}>
      <label for={id} safe>
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={keepValue ? (props.form.values[props.name] ?? '') : ''}
        required={props.required}
        autocomplete={props.autocomplete}
        maxlength={String(props.maxlength ?? 200)}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? `${id}-err` : undefined}
      />
      {problem ? (
        <p class="error" id={`${id}-err`} safe>
          {props.ctx.t(problem.key, problem.params)}
        </p>
      ) : (
        ''
      )}
    </div>
  )
}

export function Form(props: {
  ctx: PageCtx
  form: FormState
  action: string
  submit: string
  children?: Children
}) {
  return (
    <form method="post" action={props.action} novalidate>
      <input type="hidden" name="_csrf" value={props.ctx.csrf} />
      {props.form.message ? (
        <p class="error form-error" role="alert" safe>
          {props.form.message}
        </p>
      ) : (
        ''
      )}
      {props.children}
      <button type="submit" safe>
        {props.submit}
      </button>
    </form>
  )
}

export function Pager(props: { ctx: PageCtx; page: number; hasNext: boolean; base: string }) {
  const sep = props.base.includes('?') ? '&' : '?'
  return (
    <nav class="pager" aria-label="pagination">
      {props.page > 1 ? (
        <a rel="prev" href={`${props.base}${sep}page=${props.page - 1}`} safe>
          {props.ctx.t('common.previous')}
        </a>
      ) : (
        ''
      )}
      <span safe>{props.ctx.t('common.page', { page: props.page })}</span>
      {props.hasNext ? (
        <a rel="next" href={`${props.base}${sep}page=${props.page + 1}`} safe>
          {props.ctx.t('common.next')}
        </a>
      ) : (
        ''
      )}
    </nav>
  )
}
