// CNcursesW: wide-character ncurses and terminfo (Debian: libncursesw5-dev). Only AttnTerminal imports it.
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// cur_term may be a macro in some ncurses builds; this keeps Swift away from it.
static inline void attn_release_terminfo(void) {
    if (cur_term != NULL) { del_curterm(cur_term); }
}

// What a terminfo lookup found; `found` is 0 for an unknown type.
typedef struct {
    int found;
    int colors;
    int has_rgb;
} attn_terminfo_facts;

// Looks a terminal type up without disturbing an open screen: setupterm() replaces cur_term (and
// with it the screen's terminal) and rewrites LINES and COLS, so all three are put back.
static inline attn_terminfo_facts attn_terminfo_lookup(const char *type) {
    attn_terminfo_facts facts = {0, 0, 0};
    TERMINAL *saved = cur_term;
#if !NCURSES_REENTRANT
    int saved_lines = LINES, saved_cols = COLS;
#endif
    int status = 0;
    // fd -1: look the type up only; nothing is written to any terminal.
    if (setupterm(type, -1, &status) == OK && status == 1) {
        int colors = tigetnum("colors");
        facts.found = 1;
        facts.colors = colors >= 0 ? colors : 0;
        // RGB is a user-defined (extended) capability: direct colour, colour numbers are 0xRRGGBB.
        facts.has_rgb = tigetflag("RGB") > 0;
        TERMINAL *mine = cur_term;
        set_curterm(saved);
        if (mine != saved) { del_curterm(mine); }
    } else if (cur_term != saved) {
        set_curterm(saved);
    }
#if !NCURSES_REENTRANT
    LINES = saved_lines;
    COLS = saved_cols;
#endif
    return facts;
}

// A string capability of the current terminal, or NULL where it has none (tigetstr says -1 for
// a name that is no string capability).
static inline const char *attn_string_capability(const char *name) {
    char *value = tigetstr(name);
    return (value == NULL || value == (char *) -1) ? NULL : value;
}

// Globals that Swift 6 would refuse as shared mutable state, and macros Swift cannot import.
static inline WINDOW *attn_stdscr(void) { return stdscr; }
static inline WINDOW *attn_curscr(void) { return curscr; }
static inline int attn_lines(void) { return LINES; }
static inline int attn_cols(void) { return COLS; }
static inline int attn_colors(void) { return COLORS; }
static inline int attn_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t attn_bold(void) { return A_BOLD; }
static inline FILE *attn_stdin(void) { return stdin; }
static inline FILE *attn_stdout(void) { return stdout; }

// Columns a code point takes in the current locale. glibc declares wcwidth only under _XOPEN_SOURCE,
// which SwiftPM's module build does not set; the function itself is always there.
extern int wcwidth(wchar_t);
static inline int attn_wcwidth(unsigned int code_point) { return wcwidth((wchar_t) code_point); }

// True when the current locale encodes characters as UTF-8.
static inline int attn_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}

// One cell: up to four code points (a base character and combining marks) with attributes and an
// extended colour pair, which setcchar takes through its opts pointer when pairs exceed a short.
static inline int attn_setcchar(cchar_t *cell, const wchar_t *text, attr_t attrs, int pair) {
    return setcchar(cell, text, attrs, 0, &pair);
}
