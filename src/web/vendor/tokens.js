// #/tokens (admins): the tokens by name and role, when each was made and last used; create one (its secret shown
// once, with a copy button) or revoke one (after asking).
import { vendor } from '../api.js';
import { h, fill } from '../dom.js';
import { formatDate, t } from '../i18n.js';
import { messageOf, secretBox, toast } from '../ui.js';
import { cardTable, errorBox, showError, vendorPage } from './common.js';

export function tokensScreen(main, me) {
  const created = h('div', { class: 'token-created', 'aria-live': 'polite' });
  const page = vendorPage(main, { title: t('tokensTitle'), lead: t('tokensLead'), className: 'page-tokens' }, async () => {
    const tokens = await vendor.tokens();
    return [createForm(created, () => page.reload()), created, tokensTable(tokens, me, () => page.reload())];
  });
  return page.leave;
}

function createForm(created, reload) {
  const name = h('input', { type: 'text', id: 'token-name', required: true, maxlength: 100, autocomplete: 'off' });
  const role = h('select', { id: 'token-role' }, ['reviewer', 'admin'].map((r) => h('option', { value: r }, t(`role_${r}`))));
  const error = errorBox();
  const submit = h('button', { type: 'submit', class: 'primary' }, t('createToken'));
  return h(
    'form',
    {
      class: 'card token-form',
      'aria-label': t('createToken'),
      onsubmit: async (e) => {
        e.preventDefault();
        submit.disabled = true;
        try {
          const token = await vendor.createToken(name.value.trim(), role.value);
          await reload();
          showSecret(created, token);
        } catch (err) {
          showError(error, err);
        } finally {
          submit.disabled = false;
        }
      },
    },
    error,
    h(
      'div',
      { class: 'form-row' },
      h('div', null, h('label', { class: 'field-label', for: name.id }, t('tokenName')), name),
      h('div', null, h('label', { class: 'field-label', for: role.id }, t('tokenRole')), role),
      h('div', { class: 'form-row-end' }, submit),
    ),
  );
}

/** The secret, once, selected to copy. */
function showSecret(el, token) {
  fill(el, secretBox(token.secret, t('tokenSecretOnce', { name: token.name })));
  const field = el.querySelector('#token-secret');
  field.focus();
  field.select();
}

function tokensTable(tokens, me, reload) {
  const columns = [
    { label: t('tokenName') },
    { label: t('tokenRole'), class: 'nowrap' },
    { label: t('tokenCreated'), class: 'nowrap' },
    { label: t('tokenLastUsed'), class: 'nowrap' },
    { label: t('tokenState'), class: 'nowrap' },
    { label: '', class: 'actions-cell' },
  ];
  return cardTable(
    t('tokensTitle'),
    columns,
    tokens.map((tok) => [
      [h('strong', null, tok.name), tok.id === me?.id ? ` ${t('you')}` : '', h('div', { class: 'muted small mono' }, tok.id)],
      t(`role_${tok.role}`),
      formatDate(tok.createdAt),
      tok.lastUsedAt ? formatDate(tok.lastUsedAt) : t('never'),
      tok.revokedAt ? h('span', { class: 'muted' }, t('tokenRevoked', { when: formatDate(tok.revokedAt) })) : t('tokenActive'),
      tok.revokedAt || tok.id === me?.id
        ? null
        : h('button', { type: 'button', class: 'small ghost danger', 'aria-label': `${t('revoke')}: ${tok.name}`, onclick: () => revoke(tok, reload) }, t('revoke')),
    ]),
  );
}

async function revoke(token, reload) {
  if (!confirm(t('revokeAsk', { name: token.name }))) return;
  try {
    await vendor.revokeToken(token.id);
    toast(t('revoked', { name: token.name }));
    await reload();
  } catch (err) {
    toast(messageOf(err), 'error');
  }
}
