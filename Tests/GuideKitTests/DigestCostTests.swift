import Foundation
import SecretDigests
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// Hostile digest parameters are refused from their parameters, in microseconds, never
/// computed for hours; a run's total digest work is bounded.
struct DigestCostTests {
    static let hostile = [
        "$pbkdf2-sha512$2147483647$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng",
        "$2b$31$abcdefghijklmnopqrstuu9zNJxFYpvCUUdI/CmwolyUayCkaU/V.",
        "$bcrypt-sha256$v=2,t=2b,r=31$abcdefghijklmnopqrstuu$aE4LYWn.3lyo6z.ZNSsB0bEySOrHen.",
        "$6$rounds=999999999$abcdefghijklmnop$L9iAh6cRPe9IFr.T6pk/jt8jwo.VpmPE56PeFbY2AwmtFBgfY9d/hDR3AtWGfaeysg5gyLwhpCoYFDy2r0NK9.",
        "$argon2id$v=19$m=65536,t=2147483647,p=4$AAECAwQFBgcICQoLDA0ODw$B0mpg0LMF1bHh6JST3S+wssSppUigJ/4vRVxS5nKbTE",
        "$argon2id$v=19$m=4194304,t=3,p=4$AAECAwQFBgcICQoLDA0ODw$B0mpg0LMF1bHh6JST3S+wssSppUigJ/4vRVxS5nKbTE",
        // yescrypt reads its cost from the parameters too: 2^30 passes, and N = 2^22 (4 GiB).
        "$y$j75/zyxvrD$saltsaltsaltsalt$AAAA",
        "$y$jJ5$saltsaltsaltsalt$AAAA",
    ]

    /// libxcrypt's own encoding (yescrypt_encode_params_r): `j9T` is flavour YESCRYPT_DEFAULT,
    /// N = 2^12, r = 32 (the default of mkpasswd and Debian's PAM), 16 MiB.
    @Test func yescryptParametersAreReadAsLibxcryptReadsThem() throws {
        let defaults = try #require(YescryptParameters("j9T"))
        #expect(defaults.logN == 12 && defaults.r == 32 && defaults.p == 1 && defaults.t == 0)
        #expect(defaults.memoryBytes == 16 * 1024 * 1024 + 128 * 32 + 12_288)  // V, one thread's block and S-boxes
        let hostile = try #require(YescryptParameters("j75/zyxvrD"))
        #expect(hostile.t > 1 << 29, "\(hostile)")
        #expect(YescryptParameters("j9") == nil && YescryptParameters("j9T!") == nil && YescryptParameters("") == nil)
        // A known digest (mkpasswd -m yescrypt) still verifies under the guard.
        let digest = "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$X3DX6M94c7o.9agCG9G317fhZg9SqC.5i5rd.RhAtQ7"
        #expect(DigestCost.of(try DigestParser.parse(digest)).refusal == nil)
        // Found by fuzz-digest: a combining mark right after a '$' (one Character with it).
        let combining = try DigestParser.parse("$y$j9T$\u{596}.$X")
        #expect(DigestCost.of(combining).refusal == nil && DigestCost.of(combining).seconds.isFinite)
    }

    @Test(arguments: hostile)
    func tooCostlyDigestsAreRefusedBeforeAnyWork(_ digest: String) throws {
        let start = Date()
        let results = VerificationPool.verify([VerificationRequest(digest: digest, secret: "insecure_secret")])
        #expect(Date().timeIntervalSince(start) < 1)
        guard case .notVerifiable(let reason)? = results.values.first else {
            Issue.record("\(digest) was verified: \(String(describing: results.values.first))")
            return
        }
        #expect(reason.contains("too costly to verify"), "\(reason)")
    }

    @Test func theRunsBudgetIsBounded() {
        // Three real digests; with a budget for about one, the rest are reported, not computed.
        let requests: Set<VerificationRequest> = [
            VerificationRequest(digest: "$6$rounds=500000$jgiCMRyGXzoqpxS3$w2pJeZnnH8bwW3zzvoMWtTRfQYsHbWbD/hquuQ5vUeIyl9gdwBIt6RWk2S6afBA0DPakbeWgD/4SZPiS0hYtU/", secret: "password"),
            VerificationRequest(digest: "$6$rounds=500000$jgiCMRyGXzoqpxS3$w2pJeZnnH8bwW3zzvoMWtTRfQYsHbWbD/hquuQ5vUeIyl9gdwBIt6RWk2S6afBA0DPakbeWgD/4SZPiS0hYtU/", secret: "other1"),
            VerificationRequest(digest: "$6$rounds=500000$jgiCMRyGXzoqpxS3$w2pJeZnnH8bwW3zzvoMWtTRfQYsHbWbD/hquuQ5vUeIyl9gdwBIt6RWk2S6afBA0DPakbeWgD/4SZPiS0hYtU/", secret: "other2"),
        ]
        let results = VerificationPool.verify(requests, budgetSeconds: 0.35)
        let spent = results.values.filter { if case .notVerifiable(let reason) = $0 { reason.contains("budget") } else { false } }
        #expect(spent.count == 2)
        #expect(results.values.contains(.match) || results.values.contains(.mismatch))
    }

    /// One budget for the whole run: a second batch (BatchCheck checks 256 files at a time)
    /// finds what the first spent, through any copy of the checker.
    @Test func theBudgetIsSharedByEveryBatchOfARun() {
        let digest = "$6$rounds=500000$jgiCMRyGXzoqpxS3$w2pJeZnnH8bwW3zzvoMWtTRfQYsHbWbD/hquuQ5vUeIyl9gdwBIt6RWk2S6afBA0DPakbeWgD/4SZPiS0hYtU/"
        var checker = Checker()
        checker.digestBudgetSeconds = 0.35
        let copy = checker
        let first = VerificationPool.verify([VerificationRequest(digest: digest, secret: "password")], budget: checker.digestBudget)
        #expect(first.values.first == .match)
        let second = VerificationPool.verify([VerificationRequest(digest: digest, secret: "other")], budget: copy.digestBudget)
        guard case .notVerifiable(let reason)? = second.values.first else {
            Issue.record("the second batch got a fresh budget: \(second)")
            return
        }
        #expect(reason.contains("budget"))
    }

    /// Memory-hungry verifications run in waves whose memory stays under the cap together.
    @Test func parallelVerificationsShareTheMemoryCap() {
        let mib = 1024.0 * 1024
        let memory = [600 * mib, 600 * mib, 300 * mib, 10 * mib, 0, 0]
        let waves = VerificationPool.waves(memory, cap: 1024 * mib, width: 4)
        #expect(Set(waves.flatMap { $0 }) == Set(memory.indices) && waves.flatMap { $0 }.count == memory.count)
        #expect(waves.allSatisfy { wave in wave.reduce(0) { $0 + memory[$1] } <= 1024 * mib && wave.count <= 4 })
        #expect(waves.count == 3)  // [600], [600, 300, 10, 0] (four cores), [0]
    }

    @Test func ordinaryDigestsAreWithinTheLimits() throws {
        for digest in ["$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng",
                       "$argon2id$v=19$m=65536,t=3,p=4$AAECAwQFBgcICQoLDA0ODw$B0mpg0LMF1bHh6JST3S+wssSppUigJ/4vRVxS5nKbTE",
                       "$2b$12$abcdefghijklmnopqrstuu9zNJxFYpvCUUdI/CmwolyUayCkaU/V."] {
            #expect(DigestCost.of(try DigestParser.parse(digest)).refusal == nil, "\(digest)")
        }
    }
}
