// libxcrypt (Debian libcrypt-dev): crypt_r for sha512crypt/sha256crypt and bcrypt.
#include <crypt.h>
