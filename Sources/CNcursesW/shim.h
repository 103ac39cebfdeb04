// CNcursesW: wide-character ncurses and terminfo (Debian: libncursesw5-dev). Only AttnTerminal imports it.
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// cur_term may be a macro in some ncurses builds; this keeps Swift away from it.
static inline void attn_release_terminfo(void) {
    if (cur_term != NULL) { del_curterm(cur_term); }
}
