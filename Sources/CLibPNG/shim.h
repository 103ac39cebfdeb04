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
static inline unsigned int attn_png_format_flag_alpha(void) { return PNG_FORMAT_FLAG_ALPHA; }

// The simplified write API has no compression setting, and its zlib level 6 spends most of a
// batch export's time in deflate; this writer takes the level and the row filter. libpng reports
// errors by longjmp, which Swift cannot catch, so the jump lands here and becomes a return code.
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    unsigned char *bytes;
    size_t size, capacity;
    int failed;
    char message[200];
} attn_png_output;

static void attn_png_append(png_structp png, png_bytep data, png_size_t length) {
    attn_png_output *out = (attn_png_output *)png_get_io_ptr(png);
    if (out->failed) return;
    if (out->size + length > out->capacity) {
        size_t capacity = (out->size + length) * 2;
        unsigned char *grown = (unsigned char *)realloc(out->bytes, capacity);
        if (grown == NULL) { out->failed = 1; png_error(png, "out of memory"); }
        out->bytes = grown;
        out->capacity = capacity;
    }
    memcpy(out->bytes + out->size, data, length);
    out->size += length;
}

static void attn_png_flush(png_structp png) { (void)png; }

static void attn_png_fail(png_structp png, png_const_charp message) {
    attn_png_output *out = (attn_png_output *)png_get_error_ptr(png);
    strncpy(out->message, message, sizeof out->message - 1);
    longjmp(png_jmpbuf(png), 1);
}

static void attn_png_warn(png_structp png, png_const_charp message) { (void)png; (void)message; }

/// Encodes 8-bit RGB (channels 3) or RGBA (4) rows into out->bytes (to be freed with free());
/// filter is a PNG_FILTER_* mask. Returns 1 on success, 0 with out->message set on failure.
static inline int attn_png_encode(const unsigned char *pixels, unsigned width, unsigned height, int channels,
                                  int level, int filter, attn_png_output *out) {
    memset(out, 0, sizeof *out);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, out, attn_png_fail, attn_png_warn);
    if (png == NULL) { strcpy(out->message, "cannot create a libpng writer"); return 0; }
    png_infop info = png_create_info_struct(png);
    if (info == NULL || setjmp(png_jmpbuf(png))) {
        if (out->message[0] == 0) strcpy(out->message, "cannot create a libpng writer");
        png_destroy_write_struct(&png, info == NULL ? NULL : &info);
        free(out->bytes);
        out->bytes = NULL;
        out->size = 0;
        return 0;
    }
    png_set_write_fn(png, out, attn_png_append, attn_png_flush);
    png_set_IHDR(png, info, width, height, 8, channels == 4 ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_sRGB(png, info, PNG_sRGB_INTENT_PERCEPTUAL);
    png_set_compression_level(png, level);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, filter);
    png_write_info(png, info);
    for (unsigned y = 0; y < height; y++) png_write_row(png, (png_const_bytep)(pixels + (size_t)y * width * channels));
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    return 1;
}

static inline int attn_png_filter_paeth(void) { return PNG_FILTER_PAETH; }
static inline int attn_png_all_filters(void) { return PNG_ALL_FILTERS; }
