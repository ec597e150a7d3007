import Copenssl

/// The OpenSSL calls GuideKit needs, behind Swift signatures. No hash function is written
/// here: everything is libcrypto's.
enum OpenSSLPrimitives {
    static func messageDigest(_ variant: Digest.PBKDF2Variant) -> OpaquePointer? {
        switch variant {
        case .sha1: EVP_sha1()
        case .sha224: EVP_sha224()
        case .sha256: EVP_sha256()
        case .sha384: EVP_sha384()
        case .sha512: EVP_sha512()
        }
    }

    /// PBKDF2-HMAC; `nil` if OpenSSL reports failure.
    static func pbkdf2(password: [UInt8], salt: [UInt8], iterations: Int, variant: Digest.PBKDF2Variant, length: Int) -> [UInt8]? {
        guard iterations > 0, iterations <= Int(Int32.max), length > 0 else { return nil }
        var output = [UInt8](repeating: 0, count: length)
        let status = password.withUnsafeBufferPointer { pass in
            pass.withMemoryRebound(to: CChar.self) { passChars in
                PKCS5_PBKDF2_HMAC(passChars.baseAddress, Int32(pass.count), salt, Int32(salt.count),
                                  Int32(iterations), messageDigest(variant), Int32(length), &output)
            }
        }
        return status == 1 ? output : nil
    }

    /// scrypt with N = 2^logN; memory limit raised to what the parameters need (plus slack).
    static func scrypt(password: [UInt8], salt: [UInt8], logN: Int, blockSize: Int, parallelism: Int, length: Int) -> [UInt8]? {
        guard logN < 32, length > 0 else { return nil }
        let needed = UInt64(128) * UInt64(blockSize) * (UInt64(1) << UInt64(logN) + UInt64(parallelism) + 2)
        guard needed <= 2 << 30 else { return nil }  // refuse digests that would need over 2 GiB
        var output = [UInt8](repeating: 0, count: length)
        let status = password.withUnsafeBufferPointer { pass in
            pass.withMemoryRebound(to: CChar.self) { passChars in
                EVP_PBE_scrypt(passChars.baseAddress, pass.count, salt, salt.count, UInt64(1) << UInt64(logN),
                               UInt64(blockSize), UInt64(parallelism), needed + 1 << 20, &output, length)
            }
        }
        return status == 1 ? output : nil
    }

    static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8]? {
        var output = [UInt8](repeating: 0, count: 32)
        var written = 0
        let result = EVP_Q_mac(nil, "HMAC", nil, "SHA256", nil, key, key.count, message, message.count,
                               &output, output.count, &written)
        return result == nil ? nil : Array(output.prefix(written))
    }

    static func sha256(_ bytes: [UInt8]) -> [UInt8]? {
        var output = [UInt8](repeating: 0, count: 32)
        var written: UInt32 = 0
        return EVP_Digest(bytes, bytes.count, &output, &written, EVP_sha256(), nil) == 1 ? Array(output.prefix(Int(written))) : nil
    }

    /// Compares without an early exit, so timing does not reveal how much of a secret matched.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        guard !a.isEmpty else { return true }
        return CRYPTO_memcmp(a, b, a.count) == 0
    }
}
