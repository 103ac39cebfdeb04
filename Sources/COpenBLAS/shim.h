// COpenBLAS: the CBLAS interface of OpenBLAS (Debian: libopenblas-dev). Only AttnEngine's GEMM imports it.
#include <cblas.h>
