// CloudWatch metric math, the part the stack can do honestly: numbers, the Ids of other queries, + - * / ^,
// parentheses, arrays [a, b], and ABS, FILL(ts, number), SUM / AVG / MIN / MAX (of one time series: a number; of an
// array: a time series), METRICS(). Arithmetic between two time series keeps the timestamps both have; a point
// whose value is not finite (a division by zero) is left out. Anything else is refused, naming what is missing.

export class ExpressionError extends Error {}

/**
 * @typedef {{ kind: 'scalar', value: number } | { kind: 'ts', points: Map<number, number> }
 *   | { kind: 'array', list: Map<number, number>[] }} Value
 */

const FUNCTIONS = ['ABS', 'FILL', 'SUM', 'AVG', 'MIN', 'MAX', 'METRICS']

/**
 * The time series of expression query `id`.
 * @param {string} id
 * @param {any[]} queries all MetricDataQueries of the request
 * @param {Map<string, Map<number, number>>} metricSeries the MetricStat queries' series, by Id
 * @param {number[]} periods every period start of the request (FILL fills these)
 * @returns {Map<number, number>}
 */
export function evaluateExpression(id, queries, metricSeries, periods) {
  const byId = new Map(queries.map((q) => [q.Id, q]))
  /** @type {Map<string, Value>} */
  const done = new Map()
  const visiting = new Set()
  const valueOf = (name) => {
    const known = done.get(name)
    if (known) return known
    const series = metricSeries.get(name)
    if (series) return { kind: 'ts', points: series }
    const query = byId.get(name)
    if (!query) throw new ExpressionError(`${name} is not the Id of a query of this request.`)
    if (visiting.has(name)) throw new ExpressionError(`${name} refers to itself (a circular reference).`)
    visiting.add(name)
    const value = evaluate(parse(query.Expression), { valueOf, metricSeries, periods })
    visiting.delete(name)
    done.set(name, value)
    return value
  }
  const value = valueOf(id)
  if (value.kind === 'ts') return value.points
  if (value.kind === 'array' && value.list.length === 1) return /** @type {Map<number, number>} */ (value.list[0])
  throw new ExpressionError(
    value.kind === 'scalar'
      ? 'the expression gives a single number, not a time series.'
      : 'the expression gives several time series; the local stack answers an expression with one.',
  )
}

/** Tokens: numbers, ids, FUNCTION names, operators and brackets. */
function tokenize(text) {
  const tokens = []
  const re = /\s*(?:(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|([a-z][a-zA-Z0-9_]*)|([A-Z][A-Z0-9_]*)|("(?:[^"\\]|\\.)*")|(.))/gy
  let m
  while (re.lastIndex < text.length && (m = re.exec(text))) {
    if (m[0].trim() === '') break
    if (m[1]) tokens.push({ type: 'number', value: Number(m[1]) })
    else if (m[2]) tokens.push({ type: 'id', value: m[2] })
    else if (m[3]) tokens.push({ type: 'function', value: m[3] })
    else if (m[4]) tokens.push({ type: 'string', value: m[4] })
    else if ('+-*/^()[],'.includes(m[5])) tokens.push({ type: m[5] })
    else throw new ExpressionError(`unexpected character "${m[5]}".`)
  }
  return tokens
}

/** A syntax tree for `text` (precedence: ^, then * /, then + -; unary minus). */
export function parse(text) {
  if (typeof text !== 'string' || !text.trim()) throw new ExpressionError('the expression is empty.')
  const tokens = tokenize(text)
  let i = 0
  const peek = () => tokens[i]?.type
  const expect = (type) => {
    if (peek() !== type) throw new ExpressionError(`expected "${type}" at token ${i + 1} of "${text}".`)
    i++
  }
  const sum = () => {
    let node = product()
    while (peek() === '+' || peek() === '-') node = { op: tokens[i++].type, left: node, right: product() }
    return node
  }
  const product = () => {
    let node = power()
    while (peek() === '*' || peek() === '/') node = { op: tokens[i++].type, left: node, right: power() }
    return node
  }
  const power = () => {
    const node = unary()
    return peek() === '^' ? (i++, { op: '^', left: node, right: power() }) : node
  }
  const unary = () => (peek() === '-' ? (i++, { op: 'neg', arg: unary() }) : primary())
  const list = (close) => {
    const items = []
    if (peek() !== close) {
      items.push(sum())
      while (peek() === ',') (i++, items.push(sum()))
    }
    expect(close)
    return items
  }
  const primary = () => {
    const token = tokens[i++]
    switch (token?.type) {
      case 'number':
        return { number: token.value }
      case 'id':
        return { id: token.value }
      case '(': {
        const node = sum()
        expect(')')
        return node
      }
      case '[':
        return { array: list(']') }
      case 'function': {
        if (!FUNCTIONS.includes(token.value))
          throw new ExpressionError(
            `the function ${token.value} is not available in the local stack (it has ${FUNCTIONS.join(', ')}).`,
          )
        expect('(')
        return { call: token.value, args: list(')') }
      }
      case 'string':
        throw new ExpressionError(
          'strings (SEARCH, Metrics Insights queries, METRICS("…")) are not available in the local stack.',
        )
      default:
        throw new ExpressionError(`unexpected ${token ? `"${token.type}"` : 'end'} in "${text}".`)
    }
  }
  const tree = sum()
  if (i < tokens.length) throw new ExpressionError(`unexpected "${tokens[i].type}" in "${text}".`)
  return tree
}

/** @returns {Value} */
function evaluate(node, context) {
  if ('number' in node) return { kind: 'scalar', value: node.number }
  if ('id' in node) return context.valueOf(node.id)
  if ('array' in node) {
    const list = node.array.flatMap((item) => {
      const v = evaluate(item, context)
      if (v.kind === 'scalar') throw new ExpressionError('an array holds time series, not numbers.')
      return v.kind === 'ts' ? [v.points] : v.list
    })
    return { kind: 'array', list }
  }
  if (node.op === 'neg') return map(evaluate(node.arg, context), (x) => -x)
  if (node.op) return combine(node.op, evaluate(node.left, context), evaluate(node.right, context))
  return call(node.call, node.args, context)
}

const OPERATIONS = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '^': (a, b) => a ** b,
}

/** @returns {Value} */
function map(value, f) {
  if (value.kind === 'scalar') return { kind: 'scalar', value: f(value.value) }
  const each = (points) => finite(new Map([...points].map(([t, v]) => [t, f(v)])))
  return value.kind === 'ts'
    ? { kind: 'ts', points: each(value.points) }
    : { kind: 'array', list: value.list.map(each) }
}

function finite(points) {
  for (const [t, v] of points) if (!Number.isFinite(v)) points.delete(t)
  return points
}

/** @returns {Value} */
function combine(op, left, right) {
  const f = OPERATIONS[op]
  if (left.kind === 'scalar' && right.kind === 'scalar') return { kind: 'scalar', value: f(left.value, right.value) }
  if (left.kind === 'scalar') return map(right, (x) => f(left.value, x))
  if (right.kind === 'scalar') return map(left, (x) => f(x, right.value))
  const pair = (a, b) => finite(new Map([...a].filter(([t]) => b.has(t)).map(([t, v]) => [t, f(v, b.get(t))])))
  if (left.kind === 'ts' && right.kind === 'ts') return { kind: 'ts', points: pair(left.points, right.points) }
  if (left.kind === 'array' && right.kind === 'ts')
    return { kind: 'array', list: left.list.map((s) => pair(s, right.points)) }
  if (left.kind === 'ts' && right.kind === 'array')
    return { kind: 'array', list: right.list.map((s) => pair(left.points, s)) }
  throw new ExpressionError(`${op} between two arrays of time series is not defined.`)
}

/** @returns {Value} */
function call(name, args, context) {
  if (name === 'METRICS') {
    if (args.length) throw new ExpressionError('METRICS takes no arguments in the local stack.')
    return { kind: 'array', list: [...context.metricSeries.values()] }
  }
  const values = args.map((a) => evaluate(a, context))
  const arity = name === 'FILL' ? 2 : 1
  if (values.length !== arity) throw new ExpressionError(`${name} takes ${arity} argument(s), not ${values.length}.`)
  const [first] = /** @type {[Value, ...Value[]]} */ (values)
  if (name === 'ABS') return map(first, Math.abs)
  if (name === 'FILL') {
    const fill = values[1]
    if (fill?.kind !== 'scalar')
      throw new ExpressionError(
        'FILL takes a number to fill with (REPEAT and LINEAR are not available in the local stack).',
      )
    const filled = (points) => new Map(context.periods.map((t) => [t, points.get(t) ?? fill.value]))
    if (first.kind === 'scalar') throw new ExpressionError('FILL takes a time series.')
    return first.kind === 'ts'
      ? { kind: 'ts', points: filled(first.points) }
      : { kind: 'array', list: first.list.map(filled) }
  }
  const reduce = {
    SUM: (xs) => xs.reduce((a, b) => a + b, 0),
    AVG: (xs) => xs.reduce((a, b) => a + b, 0) / xs.length,
    MIN: (xs) => Math.min(...xs),
    MAX: (xs) => Math.max(...xs),
  }[name]
  if (first.kind === 'scalar') return first
  if (first.kind === 'ts') {
    const values = [...first.points.values()]
    if (!values.length) throw new ExpressionError(`${name} of a time series without data points.`)
    return { kind: 'scalar', value: reduce(values) }
  }
  const times = new Set(first.list.flatMap((s) => [...s.keys()]))
  const points = new Map(
    [...times].map((t) => [t, reduce(first.list.filter((s) => s.has(t)).map((s) => /** @type {number} */ (s.get(t))))]),
  )
  return { kind: 'ts', points: finite(points) }
}
