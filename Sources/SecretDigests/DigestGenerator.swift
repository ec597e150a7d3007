/// Generates client secrets and their digests as Authelia's own generator does, for rendering
/// guides with fresh secrets.
public struct DigestGenerator: Sendable {
    /// RFC 3986 unreserved characters: safe in URLs and form encoding, as Authelia's OIDC FAQ
    /// recommends for client secrets.
    public static let unreservedCharacters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    /// What generated secrets are made of: letters and digits only, as `authelia crypto rand`
    /// generates by default (its `--charset alphanumeric`, internal/commands/crypto.go). No
    /// secret then starts with `-` (read as an option) or `~` (expanded by shells), and no
    /// application that accepts a secret at all refuses one of these characters; 72 of them
    /// carry 428 bits.
    public static let secretCharacters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    public init() {}

    /// A random secret (default 72 characters, Authelia's recommendation) from the system's
    /// secure random source, drawn without modulo bias.
    public func randomSecret<R: RandomNumberGenerator>(length: Int = 72, using generator: inout R) -> String {
        var characters: [Character] = []
        characters.reserveCapacity(length)
        for _ in 0..<length {
            characters.append(Self.secretCharacters[Int.random(in: 0..<Self.secretCharacters.count, using: &generator)])
        }
        return String(characters)
    }

    public func randomSecret(length: Int = 72) -> String {
        var generator = SystemRandomNumberGenerator()
        return randomSecret(length: length, using: &generator)
    }

    /// `$pbkdf2-<variant>$<iterations>$<salt>$<key>` with a 16-byte salt and the variant's
    /// default iterations (310000 for sha512), as `authelia crypto hash generate pbkdf2` writes.
    public func pbkdf2<R: RandomNumberGenerator>(secret: String, variant: Digest.PBKDF2Variant = .sha512,
                                                 iterations: Int? = nil, using generator: inout R) throws(DigestError) -> String {
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let rounds = iterations ?? variant.defaultIterations
        guard let keyBytes = OpenSSLPrimitives.pbkdf2(password: Array(secret.utf8), salt: salt, iterations: rounds,
                                                      variant: variant, length: variant.digestSize) else {
            throw DigestError("PBKDF2 failed in OpenSSL (iterations \(rounds))")
        }
        return "$\(variant.identifier)$\(rounds)$\(DigestBase64.adapted.encode(salt))$\(DigestBase64.adapted.encode(keyBytes))"
    }

    public func pbkdf2(secret: String, variant: Digest.PBKDF2Variant = .sha512, iterations: Int? = nil) throws(DigestError) -> String {
        var generator = SystemRandomNumberGenerator()
        return try pbkdf2(secret: secret, variant: variant, iterations: iterations, using: &generator)
    }
}
