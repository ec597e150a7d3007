import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// `render` as a library, without the command-line tool: files in, folders out.
struct RenderPipelineTests {
    static func pipeline(seed: UInt64 = 7) throws -> RenderPipeline {
        RenderPipeline(renderer: GuideRenderer(template: try ProjectFiles.text("templates/guide.html")), seed: seed)
    }

    static let sites = [
        ("alpha.yml", "application_root_url: https://pve.alpha.test/\nauthelia_root_url: https://auth.alpha.test/\nclient_id: alpha\nrealm: alpha-sso\n"),
        ("beta.yml", "application_root_url: https://pve.beta.test:8006/\nauthelia_root_url: https://sso.beta.test/\nclient_id: beta\nrealm: beta-sso\n"),
    ]

    @Test func rendersEverySiteAndParsesEachTextOnce() throws {
        let folder = try TemporaryFolder()
        let guide = try folder.write("guides/proxmox.md", Data(try ProjectFiles.text("docs/guides/proxmox.md").utf8))
        let sitePaths = try Self.sites.map { try folder.write("sites/\($0.0)", Data($0.1.utf8)) }
        let out = folder.url.appendingPathComponent("out").path
        ParseLog.shared.enable()
        let outcome = try Self.pipeline().run(guides: [guide], sites: sitePaths, output: out)
        #expect(outcome.failures.isEmpty, "\(outcome.failures)")
        #expect(outcome.sites.map(\.name) == ["alpha", "beta"])
        #expect(outcome.rendered.count == 2)
        // The guide file is parsed once for the whole run; each rendered guide once (re-check
        // and HTML page share the parse). Rendered guides keep the guide's path.
        #expect(ParseLog.shared.count(guide) == 1 + 2)
        for site in ["alpha", "beta"] {
            let markdown = try String(contentsOfFile: "\(out)/\(site)/proxmox/guide.md", encoding: .utf8)
            #expect(markdown.contains("client_id: '\(site)'"))
            let html = try String(contentsOfFile: "\(out)/\(site)/proxmox/guide.html", encoding: .utf8)
            #expect(html.contains("<code class=\"language-yaml\">"))
        }
    }

    /// One guide that does not check clean (and one render that fails) do not hold the
    /// others back: those are written, the failures listed with their reasons.
    @Test func failuresAreListedAndTheOtherGuidesAreWritten() throws {
        let folder = try TemporaryFolder()
        let text = try ProjectFiles.text("docs/guides/proxmox.md")
        let broken = try folder.write("guides/broken.md", Data(text.replacingOccurrences(of: "client_id: 'proxmox'", with: "client_id: 'pve'").utf8))
        let good = try folder.write("guides/proxmox.md", Data(text.utf8))
        let sitePaths = try Self.sites.map { try folder.write("sites/\($0.0)", Data($0.1.utf8)) }
        let out = folder.url.appendingPathComponent("out").path
        let outcome = try Self.pipeline().run(guides: [broken, good], sites: sitePaths, output: out)
        #expect(outcome.failures.map(\.guide) == ["broken"])
        #expect(outcome.failures.first?.findings.first?.ruleID == "client-id-mismatch")
        #expect(outcome.rendered.map(\.guide) == ["proxmox", "proxmox"])
        for site in ["alpha", "beta"] {
            #expect(FileManager.default.fileExists(atPath: "\(out)/\(site)/proxmox/guide.md"))
            #expect(!FileManager.default.fileExists(atPath: "\(out)/\(site)/broken"))
        }
    }

    @Test func sitesNamedAlikeAreRefused() throws {
        let folder = try TemporaryFolder()
        let one = try folder.write("a/home.yml", Data(Self.sites[0].1.utf8))
        let two = try folder.write("b/home.yml", Data(Self.sites[1].1.utf8))
        let prepared = try GuideRenderer(template: "").prepare(path: "proxmox.md", text: try ProjectFiles.text("docs/guides/proxmox.md"))
        #expect(throws: InputError.self) { try RenderPipeline.loadSites([one, two], for: [prepared]) }
    }

    @Test func siteKeysHaveOneSpelling() throws {
        #expect(AssumptionKey("Client ID") == AssumptionKey("client_id"))
        #expect(AssumptionKey("client-id:") == AssumptionKey(.clientID))
        #expect(AssumptionKey("Client ID (Grafana)").snakeCase == "client_id")
        let site = try SiteLoader.parse("Client ID: abc\n", file: "s.yml", name: "s")
        #expect(site.value(for: AssumptionKey(.clientID))?.text == "abc")
    }
}
