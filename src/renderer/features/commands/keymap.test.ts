import { describe, expect, it } from 'vitest';
import { actionFor, allowedWhileTyping, SHORTCUTS } from './keymap';
import { closeTopmost, openLayers, pushEscape } from './escape-stack';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('keymap', () => {
  it('maps Ctrl+K and Cmd+K to the palette, / to the filter, ? to the help, Escape to closing', () => {
    expect(actionFor(press('k', { ctrlKey: true }))).toBe('palette');
    expect(actionFor(press('K', { metaKey: true }))).toBe('palette');
    expect(actionFor(press('/'))).toBe('focus-filter');
    expect(actionFor(press('?'))).toBe('help');
    expect(actionFor(press('Escape'))).toBe('escape');
  });

  it('leaves other combinations to the browser and the page', () => {
    expect(actionFor(press('k'))).toBeNull();
    expect(actionFor(press('/', { ctrlKey: true }))).toBeNull();
    expect(actionFor(press('k', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(actionFor(press('a'))).toBeNull();
  });

  it('only Escape, the palette and screen-share mode fire while typing', () => {
    expect(SHORTCUTS.filter((s) => allowedWhileTyping(s.action)).map((s) => s.action)).toEqual(['palette', 'escape', 'screen-share']);
    expect(actionFor({ key: 'M', ctrlKey: true, metaKey: false, altKey: false, shiftKey: true })).toBe('screen-share');
    expect(actionFor({ key: 'm', ctrlKey: true, metaKey: false, altKey: false })).toBeNull();
  });
});

describe('escape stack', () => {
  it('closes the pane opened last, then the one below it', () => {
    const closed: string[] = [];
    const offA = pushEscape(() => closed.push('a'));
    const offB = pushEscape(() => closed.push('b'));
    expect(closeTopmost()).toBe(true);
    offB();
    expect(closeTopmost()).toBe(true);
    offA();
    expect(closeTopmost()).toBe(false);
    expect(closed).toEqual(['b', 'a']);
    expect(openLayers()).toBe(0);
  });

  it('a pane that unmounts out of order leaves the others in place', () => {
    const closed: string[] = [];
    const offA = pushEscape(() => closed.push('a'));
    const offB = pushEscape(() => closed.push('b'));
    offA();
    closeTopmost();
    offB();
    expect(closed).toEqual(['b']);
    expect(openLayers()).toBe(0);
  });
});
