import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { Prec, type Extension } from '@codemirror/state';
import { tags as t } from '@lezer/highlight';

/**
 * What the stock CodeMirror themes lack for WCAG AA (axe, e2e/accessibility.spec.ts): the One
 * Dark gutter (#7d8799 on #282c34, 3.9:1) and its coral names (#e06c75, 3.9:1) are lightened to
 * 4.5:1 and more; a read-only editor's text becomes focusable, so a keyboard can scroll it.
 */
export function editorContrast(theme: 'light' | 'dark', readOnly: boolean): Extension[] {
  const out: Extension[] = [];
  if (theme === 'dark') {
    out.push(Prec.highest(EditorView.theme({ '.cm-gutters': { color: '#a0a8b8' } }, { dark: true })));
    out.push(Prec.highest(syntaxHighlighting(HighlightStyle.define([{ tag: [t.name, t.deleted, t.character, t.propertyName, t.macroName], color: '#f08d95' }]))));
  }
  if (readOnly) out.push(EditorView.contentAttributes.of({ tabindex: '0' }));
  return out;
}
