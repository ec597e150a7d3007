import Foundation
import SecretDigests
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// The persistent digest cache: private files, no secrets, bounded, robust, and a rerun
/// that computes nothing.
struct DigestCacheTests {
    static let digest = "$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng"
    static let guide = """
        ### Assumptions
        - Client ID: `app`
        - Client Secret: `insecure_secret`

        ```yaml {guide="authelia-client"}
        - client_id: 'app'
          client_secret: '\(digest)'
        ```
        """

    static func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func aRerunComputesNothingAndFilesArePrivate() throws {
        let folder = try TemporaryFolder()
        let directory = folder.url.appendingPathComponent("cache/guidekit").path
        let oldMask = umask(0)  // the modes must not depend on the umask
        defer { umask(oldMask) }
        var cache = try #require(DigestCache.open(directory: directory))
        let first = Checker().run([parse(Self.guide)], cache: cache)
        #expect(first.statistics.computedVerifications == 1)
        cache.record(first.computed)
        #expect(cache.save())
        let reopened = try #require(DigestCache.open(directory: directory))
        let second = Checker().run([parse(Self.guide)], cache: reopened)
        #expect(second.statistics.computedVerifications == 0)
        #expect(second.statistics.cachedVerifications == 1)
        #expect(second.findings == first.findings)
        #expect(try Self.mode(directory) == 0o700)
        #expect(try Self.mode(directory + "/key") == 0o600)
        #expect(try Self.mode(directory + "/verdicts") == 0o600)
        let stored = try String(contentsOfFile: directory + "/verdicts", encoding: .utf8)
        #expect(!stored.contains("insecure_secret"))
        #expect(!stored.contains("c8p78n7pUMln0jzvd4aK4Q"))
    }

    @Test func corruptFilesAreIgnoredAndReplaced() throws {
        let folder = try TemporaryFolder()
        let directory = folder.url.appendingPathComponent("guidekit").path
        _ = try #require(DigestCache.open(directory: directory))
        try Data([0xFF, 0x00, 0x41]).write(to: URL(fileURLWithPath: directory + "/verdicts"))
        var cache = try #require(DigestCache.open(directory: directory))
        #expect(cache.count == 0)
        let run = Checker().run([parse(Self.guide)], cache: cache)
        #expect(run.statistics.computedVerifications == 1)
        cache.record(run.computed)
        #expect(cache.save())
        #expect(DigestCache.open(directory: directory)?.count == 1)
    }

    @Test func sizeIsBounded() throws {
        let folder = try TemporaryFolder()
        var cache = try #require(DigestCache.open(directory: folder.url.appendingPathComponent("guidekit").path))
        var results: [VerificationRequest: DigestVerification] = [:]
        for index in 0..<(DigestCache.capacity + 10) {
            results[VerificationRequest(digest: "$plaintext$x", secret: "s\(index)")] = .mismatch
        }
        cache.record(results)
        #expect(cache.count == DigestCache.capacity)
    }

    @Test func aFolderOwnedByNobodyElseOrNotAFolderIsNotUsed() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("guidekit", Data("x".utf8))
        #expect(DigestCache.open(directory: file) == nil)
    }

    @Test func knownPairsAreNotComputed() {
        let request = VerificationRequest(digest: Self.digest, secret: "insecure_secret")
        let run = Checker().run([parse(Self.guide)], known: [request: .match])
        #expect(run.statistics.computedVerifications == 0)
        #expect(run.statistics.cachedVerifications == 1)
    }

    @Test func defaultDirectoryFollowsXDG() {
        #expect(DigestCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x/guidekit")
        #expect(DigestCache.defaultDirectory(environment: ["HOME": "/h"]) == "/h/.cache/guidekit")
        #expect(DigestCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]) == "/h/.cache/guidekit")
    }
}
