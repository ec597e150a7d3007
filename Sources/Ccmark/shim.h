// Debian's libcmark-dev installs cmark.h under /usr/include.
#include <cmark.h>
