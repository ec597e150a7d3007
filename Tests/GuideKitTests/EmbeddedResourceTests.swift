import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// The profiles and the HTML template are compiled into the binary: the copies must be
/// current, and a binary copied elsewhere must work from any folder.
struct EmbeddedResourceTests {
    @Test func embeddedCopiesMatchTheSourceFiles() throws {
        for (kind, embedded) in [("applications", EmbeddedProfiles.applications), ("libraries", EmbeddedProfiles.libraries)] {
            let folder = ProjectFiles.root.appendingPathComponent("Sources/GuideKnowledge/ProfileData/\(kind)")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yml") }.sorted()
            #expect(embedded.map { URL(fileURLWithPath: $0.path).lastPathComponent } == files, "run scripts/embed-resources")
            for (path, text) in embedded {
                #expect(text == (try ProjectFiles.text(path)), "\(path) is stale: run scripts/embed-resources")
            }
        }
        #expect(EmbeddedTemplate.guideTemplate == (try ProjectFiles.text("templates/guide.html")), "run scripts/embed-resources")
    }

    @Test func aCopiedBinaryWorksFromAnyFolder() throws {
        let folder = try TemporaryFolder()
        let binary = folder.url.appendingPathComponent("bin/guidekit")
        try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CommandLineTests.executable, to: binary)
        let work = folder.url.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        _ = try folder.write("elsewhere/proxmox.md", Data(try ProjectFiles.text("docs/guides/proxmox.md").utf8))
        _ = try folder.write("elsewhere/home.yml", Data("application_root_url: https://pve.home.test/\nauthelia_root_url: https://auth.home.test/\nclient_id: pve\nrealm: home\n".utf8))
        func run(_ arguments: [String]) throws -> (Int32, String) {
            let process = Process()
            process.executableURL = binary
            process.arguments = arguments
            process.currentDirectoryURL = work
            process.environment = childEnvironment(["PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": folder.url.appendingPathComponent("cache").path])
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
        let profiles = try run(["profiles"])
        #expect(profiles.0 == 0 && profiles.1.contains("Proxmox VE"), "\(profiles.1)")
        let check = try run(["check", "proxmox.md"])
        #expect(check.0 == 0, "\(check.1)")
        let render = try run(["render", "proxmox.md", "--site", "home.yml", "--out", "out", "--seed", "1"])
        #expect(render.0 == 0, "\(render.1)")
        let html = try String(contentsOf: work.appendingPathComponent("out/home/proxmox/guide.html"), encoding: .utf8)
        #expect(html.contains("<!DOCTYPE html>") || html.contains("<html"))
    }
}
