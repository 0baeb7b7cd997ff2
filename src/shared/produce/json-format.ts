/**
 * Pretty-prints JSON text without parsing it into values: every string, number and literal is
 * copied exactly as typed, only the whitespace between tokens changes. JSON.parse/stringify
 * would round 9007199254740993 to 9007199254740992, turn 1.0 into 1 and "\u00e9" into "é",
 * and drop all but the last of repeated keys: the Produce page must send what the user wrote.
 */
export function formatJson(text: string, indent = '  '): string {
  const tokens = tokenize(text);
  let out = '';
  let depth = 0;
  const newline = () => '\n' + indent.repeat(depth);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    switch (token) {
      case '{':
      case '[':
        // An empty object or array stays on one line, as JSON.stringify writes it.
        if (next === (token === '{' ? '}' : ']')) {
          out += token + next;
          i++;
        } else {
          depth++;
          out += token + newline();
        }
        break;
      case '}':
      case ']':
        depth--;
        out += newline() + token;
        break;
      case ',':
        out += ',' + newline();
        break;
      case ':':
        out += ': ';
        break;
      default:
        out += token;
    }
  }
  return out;
}

/** Splits JSON text into its tokens, without whitespace; throws on anything that is not a JSON token. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
    } else if ('{}[]:,'.includes(ch)) {
      tokens.push(ch);
      i++;
    } else if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) throw new SyntaxError(`unterminated string at position ${i}`);
      tokens.push(text.slice(i, j + 1));
      i = j + 1;
    } else {
      // A number or true/false/null: everything up to the next delimiter, kept verbatim.
      let j = i;
      while (j < text.length && !' \t\n\r{}[]:,"'.includes(text[j]!)) j++;
      const word = text.slice(i, j);
      if (!/^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)$/.test(word)) throw new SyntaxError(`unexpected "${word}" at position ${i}`);
      tokens.push(word);
      i = j;
    }
  }
  return tokens;
}
