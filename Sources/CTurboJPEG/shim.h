// CTurboJPEG: libjpeg-turbo's TurboJPEG API (Debian: libturbojpeg0-dev, 2.1.x), for JPEG decoding.
// Only AttnImaging imports it. The 2.x calls (tjDecompressHeader3, tjDecompress2) are used because
// they are also in 3.x, so the module builds against either.
#include <turbojpeg.h>
