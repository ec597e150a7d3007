/// An Authelia `client_secret` value, decoded as Authelia's go-crypt decoder would.
///
/// Authelia stores client secrets as password digests (PHC-like strings starting with `$`).
/// A value without a leading `$` is a deprecated plaintext secret.
public enum Digest: Sendable, Equatable {
    case plaintext(String)
    case pbkdf2(PBKDF2Variant, iterations: Int, salt: [UInt8], key: [UInt8])
    case argon2(Argon2Variant, memoryKiB: Int, iterations: Int, parallelism: Int, salt: [UInt8], key: [UInt8])
    case scrypt(logN: Int, blockSize: Int, parallelism: Int, salt: [UInt8], key: [UInt8])
    /// sha256crypt (`$5$`) and sha512crypt (`$6$`), and yescrypt (`$y$`): verified by libxcrypt
    /// with the whole string as the setting.
    case crypt(CryptFamily, encoded: String)
    case bcrypt(variant: String, cost: Int, encoded: String)
    /// passlib-style bcrypt over HMAC-SHA256 of the password (`$bcrypt-sha256$v=2,t=2b,r=N$salt$hash`).
    case bcryptSHA256(cost: Int, salt: String, hash: String)

    public enum PBKDF2Variant: String, Sendable, CaseIterable {
        case sha1, sha224, sha256, sha384, sha512

        /// Bytes of the underlying hash, which is also the key length Authelia writes.
        public var digestSize: Int {
            switch self {
            case .sha1: 20
            case .sha224: 28
            case .sha256: 32
            case .sha384: 48
            case .sha512: 64
            }
        }

        /// The identifier as written in digests (`pbkdf2` alone means SHA-1).
        public var identifier: String { self == .sha1 ? "pbkdf2" : "pbkdf2-\(rawValue)" }

        /// Iterations Authelia's generator uses by default for this variant.
        public var defaultIterations: Int {
            switch self {
            case .sha1: 1_600_000
            case .sha224: 900_000
            case .sha256: 700_000
            case .sha384: 280_000
            case .sha512: 310_000
            }
        }
    }

    public enum Argon2Variant: String, Sendable {
        case argon2id, argon2i, argon2d
    }

    public enum CryptFamily: String, Sendable {
        case sha256crypt = "5"
        case sha512crypt = "6"
        case yescrypt = "y"
    }

    /// A short name for messages and benchmarks.
    public var familyName: String {
        switch self {
        case .plaintext: "plaintext"
        case .pbkdf2(let variant, _, _, _): variant.identifier
        case .argon2(let variant, _, _, _, _, _): variant.rawValue
        case .scrypt: "scrypt"
        case .crypt(let family, _): family == .yescrypt ? "yescrypt" : "\(family)"
        case .bcrypt: "bcrypt"
        case .bcryptSHA256: "bcrypt-sha256"
        }
    }

    public var isPlaintext: Bool {
        if case .plaintext = self { return true }
        return false
    }
}

/// Why a digest does not decode, and where in the value (0-based offset in Unicode scalars).
public struct DigestError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var offset: Int

    public init(_ message: String, at offset: Int = 0) {
        self.message = message
        self.offset = offset
    }

    public var description: String { message }
}
