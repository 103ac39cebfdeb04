// CLibPNG: libpng's simplified png_image_* API (Debian: libpng-dev). Only AttnImaging imports it.
#include <png.h>

// Swift imports neither function-like macros nor macros built from other macros; these shims
// stand in for the ones AttnImaging needs.
static inline unsigned int attn_png_image_version(void) { return PNG_IMAGE_VERSION; }
static inline unsigned int attn_png_format_rgb(void) { return PNG_FORMAT_RGB; }
static inline unsigned int attn_png_format_rgba(void) { return PNG_FORMAT_RGBA; }
static inline unsigned int attn_png_image_flag_16bit_srgb(void) { return PNG_IMAGE_FLAG_16BIT_sRGB; }
static inline unsigned int attn_png_format_linear_rgb_alpha(void) { return PNG_FORMAT_LINEAR_RGB_ALPHA; }
static inline unsigned int attn_png_format_flag_linear(void) { return PNG_FORMAT_FLAG_LINEAR; }
