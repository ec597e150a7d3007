/// What verifying a digest would cost, estimated from its parameters before any work is
/// done, so a hostile or careless digest (pbkdf2 with 2^31 iterations, bcrypt cost 31,
/// argon2 with 4 GiB) is refused in microseconds instead of running for hours.
///
/// The figures are calibrated on this project's benchmark machine (one pbkdf2-sha512 × 310,000
/// verification ≈ 0.2 s, as `scripts/bench` measures; every format's per-unit cost as
/// `scripts/bench-hostile` measures it) and round up: the message says "about".
public struct DigestCost: Sendable, Equatable {
    /// Estimated seconds of one verification (also what Authelia spends on each login).
    public var seconds: Double
    /// Memory one verification needs, in bytes.
    public var memoryBytes: Double

    /// What GuideKit agrees to spend on one verification.
    public static let maximumSeconds = 10.0
    public static let maximumMemoryBytes = 1024.0 * 1024 * 1024

    public static func of(_ digest: Digest) -> DigestCost {
        switch digest {
        case .plaintext:
            return DigestCost(seconds: 0, memoryBytes: 0)
        case .pbkdf2(let variant, let iterations, _, _):
            // Measured here (scripts/bench-hostile): sha1 2.4e-7, sha256 2.3e-7, sha512 5.4e-7
            // seconds per iteration; the estimates round up.
            let perIteration: Double = switch variant {
            case .sha1: 2.5e-7
            case .sha224, .sha256: 2.5e-7
            case .sha384, .sha512: 6.5e-7
            }
            return DigestCost(seconds: Double(iterations) * perIteration, memoryBytes: 0)
        case .argon2(_, let memoryKiB, let iterations, _, _, _):
            // Each pass fills the memory once: about 1 ns per byte per pass on one core.
            let bytes = Double(memoryKiB) * 1024
            return DigestCost(seconds: bytes * Double(iterations) * 1e-9, memoryBytes: bytes)
        case .scrypt(let logN, let blockSize, let parallelism, _, _):
            // Measured here: 2.2–2.3 ns per byte of 128 × r × N (ln 16 and 17, r 8).
            let bytes = 128 * Double(blockSize) * pow2(logN)
            return DigestCost(seconds: bytes * Double(parallelism) * 2.5e-9, memoryBytes: bytes)
        case .bcrypt(_, let cost, _), .bcryptSHA256(let cost, _, _):
            return DigestCost(seconds: pow2(cost) * 7.5e-5, memoryBytes: 4096)
        case .crypt(let family, let encoded):
            switch family {
            case .sha256crypt, .sha512crypt:
                // `$6$rounds=N$salt$hash`; 5000 rounds when absent.
                let rounds = Self.fields(of: encoded).first { $0.hasPrefix("rounds=") }
                    .flatMap { Int($0.dropFirst(7)) } ?? 5000
                return DigestCost(seconds: Double(rounds) * (family == .sha512crypt ? 6e-7 : 4e-7), memoryBytes: 0)
            case .yescrypt:
                // `$y$PARAMS$…`: parameters the parser has already proved readable; an
                // unreadable field is refused as infinitely costly rather than guessed.
                let field = Self.fields(of: encoded).dropFirst(2).first ?? ""
                guard let parameters = YescryptParameters(field) else { return DigestCost(seconds: .infinity, memoryBytes: .infinity) }
                // About 1 ns per byte per pass on one core (measured here: `$y$jFT$`, 1 GiB, 0.95 s).
                return DigestCost(seconds: parameters.memoryBytes * parameters.passes * 1e-9, memoryBytes: parameters.memoryBytes)
            }
        }
    }

    /// The '$'-separated fields of an encoded digest, split on the byte as the parser splits
    /// (fuzz-digest found `$y$j9T$\u{596}…`: a combining mark after '$' makes one Character
    /// of the two, so a Character split did not cut there and read the wrong parameters).
    static func fields(of encoded: String) -> [Substring] {
        encoded.utf8.split(separator: UInt8(ascii: "$"), omittingEmptySubsequences: false).map { encoded[$0.startIndex..<$0.endIndex] }
    }

    /// Why this cost is refused, or `nil` when GuideKit will verify it.
    public var refusal: String? {
        if memoryBytes > Self.maximumMemoryBytes {
            return String(format: "too costly to verify: it needs about %.1f GiB of memory per login (GuideKit verifies up to 1 GiB)",
                          memoryBytes / 1_073_741_824)
        }
        if seconds > Self.maximumSeconds {
            return "too costly to verify: Authelia would take about \(Self.describe(seconds)) per login (GuideKit verifies up to \(Int(Self.maximumSeconds)) s)"
        }
        return nil
    }

    static func describe(_ seconds: Double) -> String {
        if seconds < 120 { return String(format: "%.0f s", seconds) }
        if seconds < 7200 { return String(format: "%.0f minutes", seconds / 60) }
        if seconds < 172_800 { return String(format: "%.0f hours", seconds / 3600) }
        return String(format: "%.0f days", seconds / 86400)
    }

    private static func pow2(_ exponent: Int) -> Double {
        exponent >= 0 && exponent < 1024 ? Double(sign: .plus, exponent: exponent, significand: 1) : .infinity
    }
}
