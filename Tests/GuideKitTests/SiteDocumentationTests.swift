import Foundation
import Testing
@testable import GuideRender

/// docs/SITES.md's statements about the bundled guide and site, kept true. (Its figures for
/// the upstream corpus are kept true by `scripts/corpus-figures` with the corpus folder's path, `--check`.)
struct SiteDocumentationTests {
    static func renderedProxmox() throws -> RenderedGuide {
        let site = try SiteLoader.load(path: ProjectFiles.root.appendingPathComponent("docs/sites/homelab.yml").path)
        var random = SeededGenerator(seed: 9)
        return try GuideRenderer(template: try ProjectFiles.text("templates/guide.html"))
            .render(path: "docs/guides/proxmox.md", text: try ProjectFiles.text("docs/guides/proxmox.md"), site: site, random: &random)
    }

    @Test func everyFileTheBundledGuideRendersIsNamedInTheDocumentation() throws {
        let doc = try ProjectFiles.text("docs/SITES.md")
        let readme = try ProjectFiles.text("README.md")
        for artifact in try Self.renderedProxmox().artifacts {
            #expect(doc.contains("`\(artifact.name)`"), "docs/SITES.md does not name \(artifact.name)")
            #expect(readme.contains("`\(artifact.name)`"), "README.md does not name \(artifact.name)")
        }
    }

    @Test func theDayTwoPlanFigureIsTheApplicationsFileCount() throws {
        let doc = try ProjectFiles.text("docs/SITES.md")
        let words = ["four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8]
        let match = try #require(doc.firstMatch(of: /exactly the (\w+) files of that\s+application/))
        #expect(words[String(match.1)] == (try Self.renderedProxmox().artifacts.count))
    }
}
