import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// Render output under concurrency and crashes: a lock, unique staging, leftovers of killed
/// runs removed, site names that cannot escape the output folder.
struct OutputWriterTests {
    static func rendered(site: String, marker: String) -> RenderedGuide {
        RenderedGuide(site: site, guide: "app", artifacts: [.init(name: "guide.md", content: marker, permissions: 0o644),
                                                            .init(name: "secrets.txt", content: "secret " + marker, permissions: 0o600)],
                      warnings: [], generatedSecret: true)
    }

    @Test func concurrentWritesNeverMix() throws {
        let folder = try TemporaryFolder()
        let out = folder.url.appendingPathComponent("out").path
        DispatchQueue.concurrentPerform(iterations: 8) { run in
            let sites = ["a", "b", "c"].map { Self.rendered(site: $0, marker: "run \(run)") }
            _ = try? OutputWriter.write(sites, to: out)
        }
        // Each site folder is complete and comes from one run; all three from the same last one.
        var markers: Set<String> = []
        for site in ["a", "b", "c"] {
            let guide = try String(contentsOfFile: "\(out)/\(site)/app/guide.md", encoding: .utf8)
            let secret = try String(contentsOfFile: "\(out)/\(site)/app/secrets.txt", encoding: .utf8)
            #expect(secret == "secret " + guide)
            markers.insert(guide)
        }
        #expect(markers.count == 1)
        let left = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".guidekit-staging") || $0.contains(".guidekit-old") }
        #expect(left.isEmpty)
    }

    @Test func leftoversOfDeadRunsAreRemovedAndLiveOnesKept() throws {
        let folder = try TemporaryFolder()
        let out = folder.url.appendingPathComponent("out").path
        // A process that has exited: its pid is free.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        let dead = process.processIdentifier
        let stale = "\(out)/.guidekit-staging-\(dead)-1/s/app"
        try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: true)
        try Data("secret".utf8).write(to: URL(fileURLWithPath: stale + "/secrets.txt"))
        try FileManager.default.createDirectory(atPath: "\(out)/s.guidekit-old-\(dead)-2", withIntermediateDirectories: true)
        let live = "\(out)/.guidekit-staging-\(getpid())-3"
        try FileManager.default.createDirectory(atPath: live, withIntermediateDirectories: true)
        _ = try OutputWriter.write([Self.rendered(site: "s", marker: "x")], to: out)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: out))
        #expect(!names.contains(".guidekit-staging-\(dead)-1"))
        #expect(!names.contains("s.guidekit-old-\(dead)-2"))
        #expect(names.contains(".guidekit-staging-\(getpid())-3"))
    }

    @Test(arguments: ["..", ".", ".hidden", "-x", "a b", "{{content}}", ""])
    func siteNamesThatCannotBeFoldersAreRefused(_ name: String) throws {
        #expect(SiteLoader.folderNameProblem(name) != nil)
        let folder = try TemporaryFolder()
        #expect(throws: OutputWriter.WriteError.self) {
            try OutputWriter.write([Self.rendered(site: name, marker: "x")], to: folder.url.appendingPathComponent("out").path)
        }
    }

    @Test func aSiteFileNamedDotsIsRefusedWhenLoaded() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("...yml", Data("client_id: app\n".utf8))
        #expect(throws: InputError.self) { try SiteLoader.load(path: path) }
    }
}
