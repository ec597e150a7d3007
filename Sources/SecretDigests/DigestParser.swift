/// Decodes `client_secret` values the way Authelia does (go-crypt's default decoders plus
/// plaintext), with errors that name the field and the character offset.
public enum DigestParser {
    /// Characters allowed in crypt-style salts and hashes (`./0-9A-Za-z`).
    static func isCryptCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            || scalar == "." || scalar == "/"
    }

    public static func parse(_ value: String) throws(DigestError) -> Digest {
        guard value.hasPrefix("$") else {
            // Authelia rewrites a value without a leading '$' to '$plaintext$<value>'.
            guard !value.isEmpty else { throw DigestError("the secret is empty") }
            return .plaintext(value)
        }
        let fields = Fields(value)
        let identifier = fields[1]
        switch identifier {
        case "plaintext":
            let secret = String(value.dropFirst("$plaintext$".count))
            guard value.hasPrefix("$plaintext$"), !secret.isEmpty else {
                throw DigestError("a '$plaintext$' secret must not be empty", at: 1)
            }
            return .plaintext(secret)
        case "pbkdf2", "pbkdf2-sha1", "pbkdf2-sha224", "pbkdf2-sha256", "pbkdf2-sha384", "pbkdf2-sha512":
            return try parsePBKDF2(fields, identifier: identifier)
        case "argon2id", "argon2i", "argon2d":
            return try parseArgon2(fields, variant: Digest.Argon2Variant(rawValue: String(identifier))!)
        case "scrypt":
            return try parseScrypt(fields)
        case "5", "6":
            return try parseSHACrypt(fields, family: identifier == "5" ? .sha256crypt : .sha512crypt, value: value)
        case "y":
            guard fields.count == 5 else {
                throw DigestError("a yescrypt digest has the form $y$PARAMS$SALT$HASH", at: 0)
            }
            guard YescryptParameters(fields[2]) != nil else {
                throw DigestError("the yescrypt parameters '\(fields[2])' cannot be read (libxcrypt would refuse them)", at: 3)
            }
            return .crypt(.yescrypt, encoded: value)
        case "2", "2a", "2b", "2x", "2y":
            return try parseBcrypt(fields, variant: identifier, value: value)
        case "bcrypt-sha256":
            return try parseBcryptSHA256(fields)
        case "base64", "1", "sha1", "md5":
            throw DigestError("'$\(identifier)$' digests are not accepted by Authelia; use pbkdf2-sha512 or argon2id", at: 1)
        default:
            let known = ["pbkdf2-sha512", "argon2id", "scrypt", "6", "2b", "bcrypt-sha256", "plaintext"]
            throw DigestError("unknown digest type '$\(identifier)$' (Authelia accepts: \(known.map { "$\($0)$" }.joined(separator: ", ")))", at: 1)
        }
    }

    /// The `$`-separated fields of a digest with each field's scalar offset.
    struct Fields {
        var parts: [Substring]
        var offsets: [Int]

        init(_ value: String) {
            // Split on the '$' byte ('$' is ASCII, so every cut is on a scalar boundary):
            // splitting Characters was most of a digest's parse.
            parts = value.utf8.split(separator: UInt8(ascii: "$"), omittingEmptySubsequences: false).map { value[$0.startIndex..<$0.endIndex] }
            var offset = 0
            offsets = parts.map { part in
                defer { offset += part.utf8.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } + 1 }  // scalars: bytes that start one
                return offset
            }
        }

        var count: Int { parts.count }
        subscript(index: Int) -> Substring { index < parts.count ? parts[index] : "" }
        func offset(_ index: Int) -> Int { index < offsets.count ? offsets[index] : (offsets.last ?? 0) }

        func require(_ count: Int, layout: String) throws(DigestError) {
            guard parts.count == count else {
                throw DigestError("expected \(count - 1) '$'-separated fields (\(layout)), found \(parts.count - 1)", at: 0)
            }
        }
    }

    static func integer(_ text: Substring, field: String, offset: Int, range: ClosedRange<Int>) throws(DigestError) -> Int {
        guard !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber), let number = Int(text) else {
            throw DigestError("\(field) '\(text)' is not a whole number", at: offset)
        }
        guard range.contains(number) else {
            throw DigestError("\(field) \(number) is out of range (\(range.lowerBound) to \(range.upperBound))", at: offset)
        }
        return number
    }

    private static func parsePBKDF2(_ fields: Fields, identifier: Substring) throws(DigestError) -> Digest {
        try fields.require(5, layout: "$\(identifier)$ITERATIONS$SALT$KEY")
        let variantName = identifier == "pbkdf2" ? "sha1" : String(identifier.dropFirst("pbkdf2-".count))
        let variant = Digest.PBKDF2Variant(rawValue: variantName)!
        let iterations = try integer(fields[2], field: "iterations", offset: fields.offset(2), range: 1...Int(Int32.max))
        let salt = try DigestBase64.adapted.decode(fields[3], field: "salt", offset: fields.offset(3))
        let key = try DigestBase64.adapted.decode(fields[4], field: "key", offset: fields.offset(4))
        guard key.count == variant.digestSize else {
            throw DigestError("key is \(key.count) bytes; a \(identifier) key is \(variant.digestSize) bytes (truncated digest?)", at: fields.offset(4))
        }
        return .pbkdf2(variant, iterations: iterations, salt: salt, key: key)
    }

    /// `key=value` parameters separated by commas, with each value's offset.
    static func parameters(_ text: Substring, offset: Int) throws(DigestError) -> [String: (Substring, Int)] {
        var result: [String: (Substring, Int)] = [:]
        var position = offset
        for pair in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let equals = pair.firstIndex(of: "=") else {
                throw DigestError("parameter '\(pair)' is not of the form name=value", at: position)
            }
            let name = String(pair[..<equals])
            guard result[name] == nil else { throw DigestError("parameter '\(name)' is given twice", at: position) }
            result[name] = (pair[pair.index(after: equals)...], position + name.unicodeScalars.count + 1)
            position += pair.unicodeScalars.count + 1
        }
        return result
    }

    private static func parseArgon2(_ fields: Fields, variant: Digest.Argon2Variant) throws(DigestError) -> Digest {
        try fields.require(6, layout: "$\(variant.rawValue)$v=19$m=MEMORY,t=TIME,p=LANES$SALT$KEY")
        guard fields[2] == "v=19" else {
            throw DigestError("argon2 version must be 'v=19', found '\(fields[2])'", at: fields.offset(2))
        }
        let parameters = try parameters(fields[3], offset: fields.offset(3))
        for (name, (_, offset)) in parameters where !["m", "t", "p", "k"].contains(name) {
            throw DigestError("unknown argon2 parameter '\(name)' (expected m, t, p)", at: offset - name.count - 1)
        }
        func required(_ name: String, _ label: String, _ range: ClosedRange<Int>) throws(DigestError) -> Int {
            guard let (text, offset) = parameters[name] else {
                throw DigestError("argon2 parameter '\(name)' (\(label)) is missing", at: fields.offset(3))
            }
            return try integer(text, field: label, offset: offset, range: range)
        }
        let parallelism = try required("p", "parallelism", 1...16_777_215)
        let memory = try required("m", "memory (KiB)", 8...Int(Int32.max))
        let iterations = try required("t", "iterations", 1...Int(Int32.max))
        guard memory >= 8 * parallelism else {
            throw DigestError("argon2 memory must be at least 8 KiB per lane (m ≥ 8×p)", at: fields.offset(3))
        }
        let salt = try DigestBase64.standard.decode(fields[4], field: "salt", offset: fields.offset(4))
        let key = try DigestBase64.standard.decode(fields[5], field: "key", offset: fields.offset(5))
        guard salt.count >= 8 else { throw DigestError("argon2 salt must be at least 8 bytes", at: fields.offset(4)) }
        guard key.count >= 4 else { throw DigestError("argon2 key must be at least 4 bytes", at: fields.offset(5)) }
        return .argon2(variant, memoryKiB: memory, iterations: iterations, parallelism: parallelism, salt: salt, key: key)
    }

    private static func parseScrypt(_ fields: Fields) throws(DigestError) -> Digest {
        try fields.require(5, layout: "$scrypt$ln=LOGN,r=BLOCK,p=PARALLEL$SALT$KEY")
        let parameters = try parameters(fields[2], offset: fields.offset(2))
        for (name, (_, offset)) in parameters where !["ln", "r", "p"].contains(name) {
            throw DigestError("unknown scrypt parameter '\(name)' (expected ln, r, p)", at: offset - name.count - 1)
        }
        func required(_ name: String, _ range: ClosedRange<Int>) throws(DigestError) -> Int {
            guard let (text, offset) = parameters[name] else {
                throw DigestError("scrypt parameter '\(name)' is missing", at: fields.offset(2))
            }
            return try integer(text, field: "scrypt \(name)", offset: offset, range: range)
        }
        let logN = try required("ln", 1...31)
        let blockSize = try required("r", 1...1024)
        let parallelism = try required("p", 1...1024)
        let salt = try DigestBase64.standard.decode(fields[3], field: "salt", offset: fields.offset(3))
        let key = try DigestBase64.standard.decode(fields[4], field: "key", offset: fields.offset(4))
        return .scrypt(logN: logN, blockSize: blockSize, parallelism: parallelism, salt: salt, key: key)
    }

    private static func parseSHACrypt(_ fields: Fields, family: Digest.CryptFamily, value: String) throws(DigestError) -> Digest {
        let id = family.rawValue
        let hashLength = family == .sha512crypt ? 86 : 43
        var saltIndex = 2
        if fields[2].hasPrefix("rounds=") {
            try fields.require(5, layout: "$\(id)$rounds=N$SALT$HASH")
            _ = try integer(fields[2].dropFirst(7), field: "rounds", offset: fields.offset(2) + 7, range: 1000...999_999_999)
            saltIndex = 3
        } else {
            try fields.require(4, layout: "$\(id)$SALT$HASH or $\(id)$rounds=N$SALT$HASH")
        }
        let salt = fields[saltIndex], hash = fields[saltIndex + 1]
        if let bad = salt.unicodeScalars.firstIndex(where: { !isCryptCharacter($0) }) {
            throw DigestError("salt has '\(salt.unicodeScalars[bad])', outside ./0-9A-Za-z",
                              at: fields.offset(saltIndex) + salt.unicodeScalars.distance(from: salt.unicodeScalars.startIndex, to: bad))
        }
        guard (1...16).contains(salt.count) else {
            throw DigestError("salt must be 1 to 16 characters, found \(salt.count)", at: fields.offset(saltIndex))
        }
        if let bad = hash.unicodeScalars.firstIndex(where: { !isCryptCharacter($0) }) {
            throw DigestError("hash has '\(hash.unicodeScalars[bad])', outside ./0-9A-Za-z",
                              at: fields.offset(saltIndex + 1) + hash.unicodeScalars.distance(from: hash.unicodeScalars.startIndex, to: bad))
        }
        guard hash.count == hashLength else {
            throw DigestError("hash must be \(hashLength) characters, found \(hash.count)", at: fields.offset(saltIndex + 1))
        }
        return .crypt(family, encoded: value)
    }

    private static func parseBcrypt(_ fields: Fields, variant: Substring, value: String) throws(DigestError) -> Digest {
        try fields.require(4, layout: "$\(variant)$COST$SALTHASH")
        let cost = try integer(fields[2], field: "bcrypt cost", offset: fields.offset(2), range: 4...31)
        try checkBcryptText(fields[3], length: 53, field: "salt and hash", offset: fields.offset(3))
        return .bcrypt(variant: String(variant), cost: cost, encoded: value)
    }

    private static func parseBcryptSHA256(_ fields: Fields) throws(DigestError) -> Digest {
        try fields.require(5, layout: "$bcrypt-sha256$v=2,t=2b,r=COST$SALT$HASH")
        let parameters = try parameters(fields[2], offset: fields.offset(2))
        guard parameters["v"]?.0 == "2" else { throw DigestError("bcrypt-sha256 needs v=2", at: fields.offset(2)) }
        guard parameters["t"]?.0 == "2b" else { throw DigestError("bcrypt-sha256 needs t=2b", at: fields.offset(2)) }
        guard let (costText, costOffset) = parameters["r"] else {
            throw DigestError("bcrypt-sha256 parameter 'r' (cost) is missing", at: fields.offset(2))
        }
        let cost = try integer(costText, field: "bcrypt cost", offset: costOffset, range: 4...31)
        try checkBcryptText(fields[3], length: 22, field: "salt", offset: fields.offset(3))
        try checkBcryptText(fields[4], length: 31, field: "hash", offset: fields.offset(4))
        return .bcryptSHA256(cost: cost, salt: String(fields[3]), hash: String(fields[4]))
    }

    private static func checkBcryptText(_ text: Substring, length: Int, field: String, offset: Int) throws(DigestError) {
        if let bad = text.unicodeScalars.firstIndex(where: { !isCryptCharacter($0) }) {
            throw DigestError("\(field) has '\(text.unicodeScalars[bad])', outside bcrypt's ./A-Za-z0-9",
                              at: offset + text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: bad))
        }
        guard text.count == length else {
            throw DigestError("\(field) must be \(length) characters, found \(text.count)", at: offset)
        }
    }
}
