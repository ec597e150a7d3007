import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// Templating leaks in a guide shaped like an upstream Authelia guide (Hugo front matter,
/// `sitevar` shortcodes): each line is rendered for a canary site, and whatever still shows
/// the example host or subdomain there is reported at its place in the source.
@Suite struct CanaryTests {
    static let path = "Tests/GuideKitTests/Fixtures/upstream/linkhub.md"

    @Test func everyLeakIsReportedAtItsOriginalPosition() throws {
        let text = try ProjectFiles.text(Self.path)
        let lines = text.lines()
        func position(of needle: String, in lineContaining: String) -> (Int, Int) {
            let index = lines.firstIndex { $0.contains(lineContaining) }!
            let line = lines[index]
            let column = line.unicodeScalars.distance(from: line.startIndex, to: line.range(of: needle)!.lowerBound) + 1
            return (index + 1, column)
        }
        let found = findings(text, path: "linkhub.md").filter { $0.ruleID == "template-leak" }
        let places = Set(found.map { "\($0.location.line):\($0.location.column)" })
        let pinned = position(of: "auth.{{<", in: "LINKHUB_SSO_ISSUER_URL=")
        let literal = position(of: "auth.example.com", in: "Check the provider")
        let doubled = position(of: "{{< sitevar name=\"subdomain-authelia\"", in: "`https://auth.{{<")
        #expect(places == ["\(pinned.0):\(pinned.1)", "\(literal.0):\(literal.1)", "\(doubled.0):\(doubled.1)"])
        #expect(found.contains { $0.message.contains("'auth.' is typed before the domain variable") })
        #expect(found.contains { $0.message.contains("'auth.example.com' is written literally") })
        #expect(found.contains { $0.message.contains("'auth.auth.…'") })
    }

    @Test func theCanaryLineMapsRenderedPositionsBack() {
        let line: Substring = #"x https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}.{{< sitevar name="domain" nojs="example.com" >}}/ y"#
        let canary = CanaryLine(line, lineNumber: 1)
        #expect(canary.text == "x https://login.canary-site.test/ y")
        // 'l' of login sits where the first shortcode starts (column 11); '/' after the host
        // maps past the second shortcode; text before any shortcode is unshifted.
        #expect(canary.originalColumn(10) == 11)
        #expect(canary.originalColumn(0) == 1)
        // The path's slash, third from the end in both texts ("/ y").
        #expect(canary.originalColumn(canary.scalars.count - 3) == line.unicodeScalars.count - 3 + 1)
        #expect(canary.isTyped(0..<2))
        #expect(!canary.isTyped(10..<12))
    }

    @Test func hostsTypedForTheApplicationAreNotLeaks() throws {
        var text = try ProjectFiles.text(Self.path)
        text = text.replacingOccurrences(of: "https://auth.{{< sitevar name=\"domain\"", with: "https://{{< sitevar name=\"subdomain-authelia\" nojs=\"auth\" >}}.{{< sitevar name=\"domain\"")
        text = text.replacingOccurrences(of: "curl https://auth.example.com/", with: "curl https://{{< sitevar name=\"subdomain-authelia\" nojs=\"auth\" >}}.{{< sitevar name=\"domain\" nojs=\"example.com\" >}}/")
        text = text.replacingOccurrences(of: "`https://auth.{{<", with: "`https://{{<")
        #expect(findings(text, path: "linkhub.md").filter { $0.ruleID == "template-leak" }.isEmpty)
    }

    /// `render` checks the guide as written, shortcodes and all, so a guide that only works for
    /// the default site is refused there too; written with the variables, it renders.
    @Test func renderRefusesAGuideThatLeaksItsTemplate() throws {
        func guide(issuer: String) -> String {
            let domain = #"{{< sitevar name="domain" nojs="example.com" >}}"#
            let authelia = #"{{< sitevar name="subdomain-authelia" nojs="auth" >}}"# + "." + domain
            return """
                ---
                title: "Linkhub"
                ---
                ### Assumptions
                - __Application Root URL:__ `https://links.\(domain)/`
                - __Authelia Root URL:__ `https://\(authelia)/`
                - __Client ID:__ `linkhub`
                - __Client Secret:__ `insecure_secret`

                ### Authelia
                ```yaml {title="configuration.yml"}
                identity_providers:
                  oidc:
                    clients:
                      - client_id: 'linkhub'
                        client_secret: '$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng'
                        authorization_policy: 'two_factor'
                        redirect_uris:
                          - 'https://links.\(domain)/oidc/callback'
                ```

                ### Application
                ```shell {title=".env"}
                LINKHUB_OIDC_ISSUER_URL=\(issuer)
                LINKHUB_OIDC_CLIENT_ID=linkhub
                LINKHUB_OIDC_CLIENT_SECRET=insecure_secret
                ```
                """
        }
        let domain = #"{{< sitevar name="domain" nojs="example.com" >}}"#
        let folder = try TemporaryFolder()
        let site = try folder.write("sites/home.yml", Data("domain: home.arpa\n".utf8))
        let pipeline = RenderPipeline(renderer: GuideRenderer(template: try ProjectFiles.text("templates/guide.html")), seed: 3)
        let leaking = try folder.write("leaking/linkhub.md", Data(guide(issuer: "https://auth.\(domain)").utf8))
        let refused = try pipeline.run(guides: [leaking], sites: [site], output: folder.url.appendingPathComponent("out1").path)
        #expect(refused.rendered.isEmpty)
        #expect(refused.failures.first?.findings.first?.ruleID == "template-leak")
        let variables = #"https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}."# + domain
        let mended = try folder.write("mended/linkhub.md", Data(guide(issuer: variables).utf8))
        let written = try pipeline.run(guides: [mended], sites: [site], output: folder.url.appendingPathComponent("out2").path)
        #expect(written.failures.isEmpty, "\(written.failures)")
        let markdown = try String(contentsOfFile: folder.url.appendingPathComponent("out2/home/linkhub/guide.md").path, encoding: .utf8)
        #expect(!markdown.contains("example.com"))
        #expect(markdown.contains("LINKHUB_OIDC_ISSUER_URL=https://auth.home.arpa"))
    }
}
