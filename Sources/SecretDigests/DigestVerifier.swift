import Cargon2
import Cxcrypt
import Foundation

/// The outcome of checking a digest against a stated plaintext secret.
public enum DigestVerification: Sendable, Equatable {
    case match
    case mismatch
    /// The digest parsed but could not be computed here (the reason says why).
    case notVerifiable(String)
}

/// Verifies digests for real with maintained implementations: OpenSSL's libcrypto for PBKDF2,
/// scrypt and HMAC, the reference libargon2 for Argon2 and libxcrypt's `crypt_r` for
/// SHA-crypt, yescrypt and bcrypt. No hash function is written here.
public enum DigestVerifier {
    public static func verify(_ digest: Digest, secret: String) -> DigestVerification {
        let password = Array(secret.utf8)
        switch digest {
        case .plaintext(let stored):
            return constantTimeEqual(Array(stored.utf8), password) ? .match : .mismatch
        case .pbkdf2(let variant, let iterations, let salt, let key):
            guard let derived = OpenSSLPrimitives.pbkdf2(password: password, salt: salt, iterations: iterations,
                                                          variant: variant, length: key.count)
            else { return .notVerifiable("PBKDF2 failed in OpenSSL") }
            return constantTimeEqual(derived, key) ? .match : .mismatch
        case .scrypt(let logN, let blockSize, let parallelism, let salt, let key):
            guard let derived = OpenSSLPrimitives.scrypt(password: password, salt: salt, logN: logN,
                                                          blockSize: blockSize, parallelism: parallelism, length: key.count)
            else { return .notVerifiable("scrypt with these parameters needs more than 2 GiB of memory") }
            return constantTimeEqual(derived, key) ? .match : .mismatch
        case .argon2(let variant, let memory, let iterations, let parallelism, let salt, let key):
            return argon2(variant, memory: memory, iterations: iterations, parallelism: parallelism,
                          password: password, salt: salt, key: key)
        case .crypt(_, let encoded), .bcrypt(_, _, let encoded):
            guard let result = crypt(password: password, setting: encoded) else {
                return .notVerifiable("libxcrypt does not support this variant")
            }
            return constantTimeEqual(Array(result.utf8), Array(encoded.utf8)) ? .match : .mismatch
        case .bcryptSHA256(let cost, let salt, let hash):
            // passlib's bcrypt_sha256 v2: HMAC-SHA256 keyed with the salt text, base64 with padding.
            guard let mac = OpenSSLPrimitives.hmacSHA256(key: Array(salt.utf8), message: password) else {
                return .notVerifiable("HMAC-SHA256 failed in OpenSSL")
            }
            let prehashed = Array(Data(mac).base64EncodedString().utf8)
            let setting = "$2b$\(cost < 10 ? "0" : "")\(cost)$\(salt)"
            guard let result = crypt(password: prehashed, setting: setting) else {
                return .notVerifiable("libxcrypt refused the bcrypt setting")
            }
            return constantTimeEqual(Array(result.utf8), Array((setting + hash).utf8)) ? .match : .mismatch
        }
    }

    private static func argon2(_ variant: Digest.Argon2Variant, memory: Int, iterations: Int, parallelism: Int,
                               password: [UInt8], salt: [UInt8], key: [UInt8]) -> DigestVerification {
        var output = [UInt8](repeating: 0, count: key.count)
        let type: argon2_type = switch variant {
        case .argon2id: Argon2_id
        case .argon2i: Argon2_i
        case .argon2d: Argon2_d
        }
        let status = output.withUnsafeMutableBytes { out in
            argon2_hash(UInt32(iterations), UInt32(memory), UInt32(parallelism),
                        password, password.count, salt, salt.count,
                        out.baseAddress, key.count, nil, 0, type, UInt32(ARGON2_VERSION_13.rawValue))
        }
        guard status == ARGON2_OK.rawValue else {
            return .notVerifiable("libargon2: \(String(cString: argon2_error_message(status)))")
        }
        return constantTimeEqual(output, key) ? .match : .mismatch
    }

    /// `crypt_r` with a heap-allocated, zeroed `crypt_data` (thread-safe). `nil` when libxcrypt
    /// reports failure (a result starting with `*`).
    static func crypt(password: [UInt8], setting: String) -> String? {
        guard !password.contains(0) else { return nil }
        let data = UnsafeMutablePointer<crypt_data>.allocate(capacity: 1)
        UnsafeMutableRawPointer(data).initializeMemory(as: UInt8.self, repeating: 0, count: MemoryLayout<crypt_data>.size)
        defer { data.deallocate() }
        let result: String? = (password + [0]).withUnsafeBufferPointer { passwordBuffer in
            passwordBuffer.withMemoryRebound(to: CChar.self) { phrase in
                guard let output = crypt_r(phrase.baseAddress, setting, data) else { return nil }
                return String(cString: output)
            }
        }
        guard let result, !result.hasPrefix("*") else { return nil }
        return result
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        OpenSSLPrimitives.constantTimeEqual(a, b)
    }
}
