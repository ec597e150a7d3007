import ArgumentParser
import Foundation
import GuideDocument
import SecretDigests

struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Generate or verify Authelia client-secret digests.",
        subcommands: [Generate.self, Verify.self]
    )

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a random client secret and its pbkdf2 digest.",
            discussion: """
                Prints the secret (72 random letters and digits, as `authelia crypto rand` makes \
                them) on the first line and its digest on the second. The secret comes \
                from the system's secure random source. Give the secret to the application and \
                the digest to Authelia's client_secret.
                """
        )

        @Option(help: "PBKDF2 variant: sha1, sha224, sha256, sha384 or sha512.")
        var variant: String = "sha512"

        @Option(help: "Secret length in characters.")
        var length: Int = 72

        func run() throws {
            guard let variant = Digest.PBKDF2Variant(rawValue: variant) else {
                throw ValidationError("unknown variant '\(variant)'; use sha1, sha224, sha256, sha384 or sha512")
            }
            guard (16...512).contains(length) else { throw ValidationError("--length must be 16 to 512") }
            let generator = DigestGenerator()
            let secret = generator.randomSecret(length: length)
            Console.print(secret)
            Console.print(try generator.pbkdf2(secret: secret, variant: variant))
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that a digest was made from a secret read on standard input.",
            discussion: """
                The secret is read from standard input (first line), never from the command \
                line, so it does not end up in shell history or process lists. Exit status 0 \
                when it matches, 1 when it does not, 2 when the digest is malformed.

                Example: printf '%s' insecure_secret | guidekit digest verify '$pbkdf2-sha512$310000$...'
                """
        )

        @Argument(help: "The digest, as in Authelia's client_secret.")
        var digest: String

        @Flag(help: "Print how long the verification took, on stderr.")
        var timing = false

        @Option(name: .customLong("repeat"), help: "Verify this many times (1 to 100) and report the median time (for benchmarks).")
        var repetitions: Int = 1

        func validate() throws {
            guard (1...100).contains(repetitions) else { throw ValidationError("--repeat takes 1 to 100") }
            // A plaintext "digest" is the secret itself: on the command line it would land in
            // shell history and process lists.
            if digest.hasPrefix("$plaintext$") {
                throw ValidationError("a '$plaintext$' value is the secret itself; never put it on the command line (there is nothing to verify)")
            }
        }

        func run() throws {
            let parsed: Digest
            do {
                parsed = try DigestParser.parse(digest)
            } catch {
                Console.err("guidekit: error: digest, character \(error.offset + 1): \(error.message)\n")
                throw ExitStatus.inputFailure
            }
            if let refusal = DigestCost.of(parsed).refusal {
                Console.err("guidekit: error: \(refusal)\n")
                throw ExitStatus.inputFailure
            }
            let secret = try Self.firstLine(ofStandardInputUpTo: Self.maximumSecretBytes)
            var result = DigestVerification.mismatch
            var seconds: [Double] = []
            for _ in 0..<max(1, repetitions) {
                let start = Date()
                result = DigestVerifier.verify(parsed, secret: secret)
                seconds.append(Date().timeIntervalSince(start))
            }
            if timing {
                let median = seconds.sorted()[seconds.count / 2]
                Console.err(String(format: "guidekit: %@ verification took %.3f s (median of %d)\n",
                                   parsed.familyName, median, seconds.count))
            }
            switch result {
            case .match:
                Console.print("match (\(parsed.familyName))")
            case .mismatch:
                Console.print("no match (\(parsed.familyName))")
                throw ExitStatus.findings
            case .notVerifiable(let reason):
                Console.err("guidekit: error: cannot verify: \(reason)\n")
                throw ExitStatus.inputFailure
            }
        }
    }
}

extension DigestCommand.Verify {
    /// A secret longer than this is no secret anyone types or generates.
    static let maximumSecretBytes = 64 * 1024

    /// The first line of standard input, read a block at a time up to its line feed: the
    /// rest is never read (`/dev/zero` or an endless pipe does not grow memory).
    static func firstLine(ofStandardInputUpTo limit: Int) throws -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count <= limit {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0 { throw InputFailure("standard input cannot be read (\(PrivateFiles.reason()))") }
            guard count > 0 else { break }
            if let newline = buffer[..<count].firstIndex(of: 0x0A) {
                bytes += buffer[..<newline]
                return String(decoding: bytes, as: UTF8.self)
            }
            bytes += buffer[..<count]
        }
        guard bytes.count <= limit else {
            throw InputFailure("standard input: the secret's line is longer than \(limit / 1024) KiB")
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
