import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// Upstream-format guides render into plain Markdown: every shortcode expanded (or a visible
/// note), relative links absolute, figures as images, the title as the page's heading.
struct UpstreamShortcodeTests {
    static func rendered() throws -> RenderedGuide {
        let site = try SiteLoader.parse("domain: home.arpa\n", file: "home.yml", name: "home")
        var random = SeededGenerator(seed: 4)
        let text = try ProjectFiles.text("Tests/GuideKitTests/Fixtures/upstream/grafana.md")
        return try GuideRenderer(template: try ProjectFiles.text("templates/guide.html"))
            .render(path: "grafana.md", text: text, site: site, random: &random)
    }

    @Test func everyShortcodeBecomesMarkdown() throws {
        let guide = try Self.rendered()
        let markdown = guide.markdown
        #expect(!markdown.contains("{{<") && !markdown.contains("{{%"), "a shortcode is left:\n\(markdown)")
        #expect(markdown.contains("> **Note:** the [common notes for every OpenID Connect integration](https://www.authelia.com/integration/openid-connect/introduction/)"))
        #expect(markdown.contains("known issues with: claims-hydration"))
        #expect(markdown.contains("The client secret in this guide was generated for this site and is kept in `secrets.txt`"))
        #expect(markdown.contains("_The values in this guide are already those of the site **home**"))
        #expect(markdown.contains("> **Did you know?**\n>\n> The file is usually named `grafana.ini`."))
        #expect(markdown.contains("![Grafana login](https://www.authelia.com/integration/openid-connect/clients/grafana/grafana.png)"))
        #expect(markdown.contains("a Hugo shortcode that has no meaning outside the website"), "unknown shortcodes get a visible note")
        // The escape hatch's heading has content, with the site's client id.
        let hatch = try #require(markdown.range(of: "#### Configuration Escape Hatch\n\n"))
        #expect(markdown[hatch.upperBound...].hasPrefix("If the application does not read the user's claims"))
        #expect(markdown.contains("for client `grafana` (claims `email`, `name`, `groups`)"))
        // …and the policy it describes, written out for the reader to copy.
        #expect(markdown.contains("""
            ```yaml {title="configuration.yml"}
            identity_providers:
              oidc:
                claims_policies:
                  grafana:
                    id_token:
                      - 'email'
                      - 'name'
                      - 'groups'
                clients:
                  - client_id: 'grafana'
                    claims_policy: 'grafana'
            ```
            """))
    }

    @Test func anEscapeHatchWithoutItsClaimsOrWithOddNamesStaysProse() {
        func expanded(_ attributes: String) -> String {
            UpstreamShortcodes.expand("{{% oidc-escape-hatch-claims-hydration \(attributes) %}}\n", guide: "app", site: "home",
                                      clientIDs: ["app": "site-app"])
        }
        #expect(expanded("client_id=\"app\" claims=\"email\"").contains("      - client_id: 'site-app'\n        claims_policy: 'site-app'"))
        #expect(!expanded("client_id=\"app\"").contains("```"))
        #expect(!expanded("client_id=\"app\" claims=\"email,x y\"").contains("```"))
        #expect(!expanded("client_id=\"a'b\" claims=\"email\"").contains("```"))
    }

    @Test func relativeLinksPointAtThePublishedPages() throws {
        let markdown = try Self.rendered().markdown
        #expect(markdown.contains("[client configuration](https://www.authelia.com/configuration/identity-providers/openid-connect/clients/#redirect_uris)"))
        #expect(markdown.contains("[introduction](https://www.authelia.com/integration/openid-connect/introduction/)"))
        #expect(UpstreamShortcodes.resolve("./settings.png", page: "https://www.authelia.com/integration/openid-connect/clients/app/")
                == "https://www.authelia.com/integration/openid-connect/clients/app/settings.png")
        #expect(UpstreamShortcodes.resolve("/reference/guides/branding/", page: "https://www.authelia.com/x/") == "https://www.authelia.com/reference/guides/branding/")
    }

    @Test func thePageHasTheTitleAsItsHeading() throws {
        let html = try #require(try Self.rendered().artifacts.first { $0.name == "guide.html" }?.content)
        #expect(html.contains("<h1>Grafana</h1>"))
        #expect(!html.contains("{{&lt;") && !html.contains("{{%"))
        #expect(html.contains("<img src=\"https://www.authelia.com/integration/openid-connect/clients/grafana/grafana.png\""))
    }

    /// Own-format guides are left alone: their relative links are the docs tree's own.
    @Test func ownFormatGuidesKeepTheirLinks() {
        #expect(UpstreamShortcodes.shortcodes(in: "no shortcode here").isEmpty)
        let codes = UpstreamShortcodes.shortcodes(in: "{{< figure src=\"a.png\" alt='A' >}} and {{% oidc-common %}}")
        #expect(codes.map(\.name) == ["figure", "oidc-common"])
        #expect(codes.first?.attributes == ["src": "a.png", "alt": "A"])
    }
}
