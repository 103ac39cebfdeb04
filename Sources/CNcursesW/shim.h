// CNcursesW: wide-character ncurses (Debian: libncursesw5-dev). Only the terminal module imports it.
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>
