// Builds DOM nodes from plain values. Text always goes in as text, never parsed as HTML:
// questions come from customers' workbooks and are untrusted.

/**
 * h('button', { class: 'primary', onclick: fn }, 'Save') → <button class="primary">Save</button>
 * Props: class, style (object), on* (listeners), value/checked/disabled/hidden (properties), anything else an attribute.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'style') Object.assign(el.style, value);
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'value' || key === 'checked' || key === 'disabled' || key === 'hidden' || key === 'selected') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces an element's content. */
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/**
 * A score 0–1 as a small bar with its number, for people and screen readers alike. The colour is the
 * matcher's verdict (auto, review, unmatched), not the number: the calibrated thresholds live on the server.
 */
export function scoreBar(score, label, tone = 'neutral') {
  const pct = Math.round(Math.max(0, Math.min(1, score ?? 0)) * 100);
  return h(
    'span',
    { class: `score score-${tone}`, title: label },
    h('span', { class: 'score-track', 'aria-hidden': 'true' }, h('span', { class: 'score-fill', style: { width: `${pct}%` } })),
    h('span', { class: 'score-num' }, h('span', { class: 'sr-only' }, `${label} `), `${pct}`),
  );
}
