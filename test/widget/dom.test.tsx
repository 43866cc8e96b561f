/**
 * The form's renderer (widget/src/dom.ts), on its own: redraws keep the same DOM nodes (an
 * input keeps its value and focus), attributes follow the props, handlers are swapped without
 * piling up listeners, and nodes come and go by position. The form's tests run it in place,
 * against the source and the built bundle.
 */
import { describe, expect, it, vi } from 'vitest';
import { h, render } from '../../widget/src/dom.ts';

describe('dom.ts render', () => {
  it('keeps an input across redraws: its value, its focus', () => {
    const root = document.body.appendChild(document.createElement('div'));
    const view = (error?: string) =>
      h(
        'form',
        null,
        h('label', { for: 'x' }, 'Name'),
        h('input', { id: 'x', 'aria-invalid': error ? 'true' : undefined }),
        error && h('p', { class: 'err' }, error),
      );
    render(view(), root);
    const input = root.querySelector('input')!;
    input.value = 'Ana';
    input.focus();
    render(view('Required'), root);
    expect(root.querySelector('input')).toBe(input);
    expect(input.value).toBe('Ana');
    expect(document.activeElement).toBe(input);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('.err')!.textContent).toBe('Required');
    render(view(), root);
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(root.querySelector('.err')).toBeNull();
    expect(root.innerHTML).toBe('<form><label for="x">Name</label><input id="x"></form>');
  });

  it('sets true as an empty attribute and removes false, null and undefined', () => {
    const root = document.createElement('div');
    render(h('fieldset', { disabled: true, hidden: false, title: null, name: undefined, tabIndex: -1, key: 'k' }), root);
    expect(root.innerHTML).toBe('<fieldset disabled="" tabindex="-1"></fieldset>');
    render(h('fieldset', { disabled: false, tabIndex: -1 }), root);
    expect(root.innerHTML).toBe('<fieldset tabindex="-1"></fieldset>');
  });

  it('calls the latest handler, with one listener per element and event', () => {
    const root = document.createElement('div');
    const first = vi.fn();
    const second = vi.fn();
    const add = vi.spyOn(HTMLButtonElement.prototype, 'addEventListener');
    render(h('button', { onClick: first, onFocusIn: first }), root);
    render(h('button', { onClick: second, onFocusIn: first }), root);
    (root.firstChild as HTMLButtonElement).click();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
    expect(add.mock.calls.map(([type]) => type)).toEqual(['click', 'focusin']);
    render(h('button', {}), root);
    (root.firstChild as HTMLButtonElement).click();
    expect(second).toHaveBeenCalledOnce();
    add.mockRestore();
  });

  it('replaces a node of another tag, updates texts, flattens lists and drops nothing-values', () => {
    const root = document.createElement('div');
    render(h('form', null, h('div', null, 'a'), h('p', null, 'status')), root);
    const form = root.firstChild;
    render(
      h(
        'form',
        null,
        h('div', null, 'b'),
        h('fieldset', null, [h('input', null), [h('button', null, 'Send', 0)]], false, null, undefined, true),
        h('p', null, 'status'),
      ),
      root,
    );
    expect(root.firstChild).toBe(form);
    expect(root.innerHTML).toBe('<form><div>b</div><fieldset><input><button>Send0</button></fieldset><p>status</p></form>');
    render(h('div', { class: 'ok' }, 'Thanks'), root);
    expect(root.innerHTML).toBe('<div class="ok">Thanks</div>');
  });
});
