// The one escaping of text that came from elsewhere (a network, a database) before it reaches a
// terminal, a log line or a stored record that one of those will print.
#pragma once

#include <string>
#include <string_view>

namespace hallboard {

// Returns `text` with everything a terminal could act on written out in a visible form:
//  - C0 controls (U+0000-U+001F, including ESC, BEL, CR, LF, TAB and NUL) and DEL as \xNN;
//  - C1 controls (U+0080-U+009F, e.g. U+009B, the one-byte CSI) as \u{NN};
//  - the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) and
//    the line and paragraph separators (U+2028, U+2029) as \u{NNNN}: they reorder or break
//    what is shown, so one row could pass for another;
//  - each byte that is not valid UTF-8 as \xNN.
// Everything else is kept as it is, Chinese included, and so is the backslash: the escaped
// form holds no character that is escaped, so escaping twice gives what escaping once gave
// (text escaped when it was stored prints unchanged). The price is that a hall named with a
// literal "\x1b" reads the same as one with an ESC in it; neither reaches the terminal.
std::string escape_terminal_text(std::string_view text);

// True when escape_terminal_text would change nothing.
bool is_terminal_safe(std::string_view text);

} // namespace hallboard
