// Debian's libssl-dev (OpenSSL 3 libcrypto): PBKDF2, scrypt, HMAC and constant-time compare.
#include <openssl/evp.h>
#include <openssl/crypto.h>
