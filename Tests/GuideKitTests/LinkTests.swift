import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender

/// Relative links: resolved as Hugo resolves them, reported when they name no page, written
/// as absolute URLs by `render`.
struct LinkTests {
    /// A small content tree: a leaf bundle, a section and a regular page.
    static let tree = DocsTree(exists: { ["integration/guides/app/index.md", "integration/guides/app/login.png", "integration/_index.md",
                                          "integration/introduction.md", "configuration/clients.md"].contains($0) },
                               baseURL: "https://docs.example.org/", description: "the test tree")
    static let page = "integration/guides/app/index.md"

    @Test func linksResolveAsHugoResolvesThem() {
        func resolved(_ link: String) -> String? {
            if case .found(let path, let fragment) = Self.tree.resolve(link, from: Self.page) {
                return Self.tree.permalink(path, fragment: fragment)
            }
            return nil
        }
        // With an extension and `../`: from the bundle's own folder.
        #expect(resolved("../../introduction.md") == "https://docs.example.org/integration/introduction/")
        #expect(resolved("../../../configuration/clients.md#client_id") == "https://docs.example.org/configuration/clients/#client_id")
        // `..` stops at the top (Go's path.Join).
        #expect(resolved("../../../../../configuration/clients.md") == "https://docs.example.org/configuration/clients/")
        // Without an extension: from the folder above the bundle.
        #expect(resolved("../../configuration/clients/") == "https://docs.example.org/configuration/clients/")
        // `..` names the section above (Hugo: a dot in the last segment, from the folder
        // above the bundle), never a file.
        #expect(resolved("../") == "https://docs.example.org/integration/")
        // A bundle's own `.md` file is a resource, not a page.
        #expect(resolved("notes.md") == nil)
        // A section's `_index.md` and a page named without `./`, from the top.
        #expect(resolved("../../../integration") == "https://docs.example.org/integration/")
        #expect(resolved("configuration/clients.md") == "https://docs.example.org/configuration/clients/")
        // A picture is a file next to the page.
        #expect(resolved("./login.png") == "https://docs.example.org/integration/guides/app/login.png")
        // One `../` short, a `./` start that lands in the wrong folder, a page that is not there.
        #expect(resolved("../../configuration/clients.md") == nil)
        #expect(resolved("./../configuration/clients.md") == nil)
        // `./` (not `../`) starts from the folder above the bundle, as a path without extension.
        #expect(resolved("./../../configuration/clients.md") == "https://docs.example.org/configuration/clients/")
        #expect(resolved("../../missing.md") == nil)
        for untouched in ["#anchor", "https://x.test/a.md", "mailto:a@b.test", "/configuration/clients/"] {
            #expect(Self.tree.resolve(untouched, from: Self.page) == .notChecked)
        }
        #expect(Self.tree.repair(of: "../../configuration/clients.md#x", from: Self.page) == "../../../configuration/clients.md#x")
        // Authelia publishes blog posts under /blog/:slug/ (hugo.toml [permalinks]), not their
        // path: found, but not written as an absolute URL.
        let authelia = AutheliaDocsSite.publishedTree
        let post = authelia.resolve("../../../../blog/release-notes-4.38/index.md", from: AutheliaDocsSite.pagePath(ofGuideNamed: "x"))
        guard case .found(let path, let fragment) = post else { Issue.record("\(post)"); return }
        #expect(authelia.permalink(path, fragment: fragment) == nil)
    }

    static let upstreamGuide = """
        ---
        title: "App"
        support:
          level: community
        ---
        Read the [introduction](../../introduction.md), the [client configuration] and the
        [provider](../../../configuration/identity-providers/openid-connect/provider.md).

        [unused]: ../../unused.md
        [client configuration]: ../../../../configuration/identity-providers/openid-connect/clients.md#client_id
        """

    /// Link positions: the destination after its `](`, not the same text in the link's words;
    /// definitions in a block quote; not a paragraph's continuation or an HTML comment.
    @Test func linkPositionsAreTheDestinations() throws {
        let text = """
            # App

            See [../../introduction.md](../../introduction.md) and `x.md` then [x](x.md).

            > [quoted]: ../../introduction.md

            Some text
            [x.md]: ../../introduction.md

            <!--
            [y]: ../../introduction.md
            -->

            [quoted] [y]
            """
        let guide = GuideParser.parse(path: "app.md", text: text)
        #expect(guide.links.map(\.location) == [SourceLocation(line: 3, column: 29), SourceLocation(line: 3, column: 72)])
        #expect(guide.linkDefinitions.map(\.location) == [SourceLocation(line: 5, column: 13)])
    }

    @Test func brokenLinksAreReportedWithTheRepair() throws {
        let guide = GuideParser.parse(path: "guides/app.md", text: Self.upstreamGuide)
        #expect(guide.linkDefinitions.map(\.value) == ["../../../../configuration/identity-providers/openid-connect/clients.md#client_id"])
        // After an unused definition, a definition still starts a line.
        #expect(guide.linkDefinitions.first?.location == SourceLocation(line: 10, column: 25))
        let findings = Checker().check(guide).filter { $0.ruleID == "link-target-missing" }
        #expect(findings.map(\.location) == [SourceLocation(line: 7, column: 12)])
        #expect(findings.first?.help == "did you mean '../../../../configuration/identity-providers/openid-connect/provider.md'?")
        // A guide with no known place (not upstream, not in a content folder) is not checked.
        let own = GuideParser.parse(path: "guides/app.md", text: "# App\n\nSee [x](../../nowhere.md).\n")
        #expect(Checker().check(own).filter { $0.ruleID == "link-target-missing" }.isEmpty)
    }

    @Test func aGuideInAContentFolderIsCheckedAgainstItsFiles() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("docs/content/configuration/clients.md", Data("# Clients\n".utf8))
        let path = try folder.write("docs/content/guides/app/index.md",
                                    Data("# App\n\n[ok](../../configuration/clients.md) [broken](../configuration/clients.md)\n".utf8))
        let guide = GuideParser.parse(path: path, text: try String(contentsOfFile: path, encoding: .utf8))
        let findings = Checker().check(guide).filter { $0.ruleID == "link-target-missing" }
        #expect(findings.map(\.location.column) == [47])
        #expect(DocsLocation.of(guide)?.tree.baseURL == nil)  // not upstream: nothing to make absolute
    }

    @Test func renderWritesAbsoluteLinksAndLeavesBrokenOnes() throws {
        let text = try ProjectFiles.text("Tests/GuideKitTests/Fixtures/upstream/grafana.md")
            + "\nAlso the [provider](../../../configuration/identity-providers/openid-connect/provider.md) and the [clients].\n\n"
            + "[clients]: ../../../../configuration/identity-providers/openid-connect/clients.md\n"
        let site = try SiteLoader.parse("domain: home.arpa\nclient_secret: generate\n", file: "s.yml", name: "s")
        var random = SeededGenerator(seed: 3)
        let rendered = try GuideRenderer(template: try ProjectFiles.text("templates/guide.html"))
            .render(path: "grafana.md", text: text, site: site, random: &random)
        #expect(rendered.markdown.contains("[clients]: https://www.authelia.com/configuration/identity-providers/openid-connect/clients/\n"))
        #expect(rendered.markdown.contains("[introduction](https://www.authelia.com/integration/openid-connect/introduction/)"))
        #expect(rendered.markdown.contains("[provider](../../../configuration/identity-providers/openid-connect/provider.md)"))
    }
}
