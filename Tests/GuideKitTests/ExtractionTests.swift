import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// Exact positions of every kind of extracted element, front matter offset included.
struct ExtractionTests {
    // Each `↓` marks a place the tests below name (`Mark`); it is removed before parsing.
    static let marked = MarkedText([
        "---",
        "title: \"Example App\"",
        "weight: 10",
        "↓authelia_version: '4.39'",
        "---",
        "",
        "↓## Assumptions",
        "",
        "- __↓Application Root URL:__ `↓https://app.example.com/`",
        "- **Client ID:** `↓app`",
        "- Realm: ↓authelia",
        "- __Port:__ `↓8443`",
        "",
        "↓### Application",
        "",
        "1. Open the settings:",
        "   - ↓Client ID: `↓app`",
        "   - Issuer URL: `↓https://auth.example.com`",
        "",
        "2. Paste this:",
        "",
        "   ↓```yaml {guide=\"authelia-client\"}",
        "   - client_id: ↓'app'",
        "     ↓redirect_uris:",
        "       - ↓'https://app.example.com/cb'",
        "   ```",
        "",
    ].joined(separator: "\n"))

    /// The markers of `marked`, in order.
    enum Mark: Int {
        case autheliaVersion, assumptionsHeading, rootLabel, rootValue, clientIDValue, realmValue, portValue, applicationHeading
        case settingKey, settingValue, issuerValue, fence, clientID, redirectKey, redirectValue
    }

    static var guide: String { marked.text }
    static func at(_ mark: Mark) -> GuideDocument.SourceLocation { marked.markers[mark.rawValue] }

    @Test func frontMatterAndTitle() throws {
        let guide = parse(Self.guide)
        #expect(guide.title == "Example App")
        let frontMatter = try #require(guide.source.frontMatter)
        #expect(frontMatter.closingLine == 5)
        // The front matter's own YAML keeps file positions.
        #expect(guide.frontMatter?.keyNode("authelia_version")?.location == Self.at(.autheliaVersion))
        #expect(guide.declaredVersion == AutheliaVersion(4, 39))
        // Only the keys GuideKit reads are composed (upstream front matter is mostly SEO).
        #expect(guide.frontMatter?.keyNode("weight") == nil)
        #expect(guide.assumptionsHeading == Self.at(.assumptionsHeading))
    }

    @Test func assumptionsWithLabelsAndValuesInEveryStyle() throws {
        let assumptions = parse(Self.guide).assumptions
        #expect(assumptions.map(\.label.value) == ["Application Root URL", "Client ID", "Realm", "Port"])
        #expect(assumptions.map(\.kind) == [.applicationRootURL, .clientID, .realm, nil])
        #expect(assumptions[0].label.location == Self.at(.rootLabel))
        #expect(assumptions[0].rawValue?.location == Self.at(.rootValue))
        #expect(assumptions[0].value?.url?.host == "app.example.com")
        #expect(assumptions[1].rawValue == Located("app", at: Self.at(.clientIDValue), length: 3))
        #expect(assumptions[2].rawValue?.location == Self.at(.realmValue))
        #expect(assumptions[2].value == .realm("authelia"))
        #expect(assumptions[3].value == .text("8443"))
    }

    @Test func settingsFromNestedListItems() throws {
        let settings = parse(Self.guide).settings.filter { $0.origin == .listItem }
        #expect(settings.map(\.key.value) == ["Client ID", "Issuer URL"])
        #expect(settings[0].key.location == Self.at(.settingKey))
        #expect(settings[0].value.location == Self.at(.settingValue))
        #expect(settings[1].value.location == Self.at(.issuerValue))
        #expect(settings[1].nameMeaning == .issuerURL)
    }

    @Test func yamlInAnIndentedFenceKeepsFilePositions() throws {
        let guide = parse(Self.guide)
        let block = try #require(guide.codeBlocks.first)
        #expect(block.location == Self.at(.fence))
        #expect(block.role == .autheliaClient)
        let client = try #require(guide.clients.first)
        #expect(client.clientID?.location == Self.at(.clientID))
        #expect(client.clientID?.length == 5)  // 'app' with its quotes
        #expect(client.node.keyNode("redirect_uris")?.location == Self.at(.redirectKey))
        #expect(client.redirectURIs.first?.location == Self.at(.redirectValue))
    }

    @Test func yamlErrorPointsIntoTheFile() throws {
        let text = "# T\n\n```yaml {guide=\"authelia-client\"}\n- client_id: 'a\n  public: false\n```\n"
        let block = try #require(parse(text).codeBlocks.first)
        guard case .failure(let error)? = block.yaml else {
            Issue.record("expected a YAML error")
            return
        }
        // libyaml reports the unterminated quoted scalar where the block's text ends.
        #expect(error.location.line >= 4 && error.location.line <= 6)
        #expect(error.message.contains("invalid YAML"))
    }

    @Test func sitevarShortcodesResolveAndMapBack() throws {
        let marked = MarkedText("### Assumptions\n\n- __Authelia Root URL:__ `↓https://{{< sitevar name=\"subdomain-authelia\" nojs=\"auth\" >}}.{{< sitevar name=\"domain\" nojs=\"example.com\" >}}/`\n")
        let line = String(marked.text.split(separator: "\n")[1])
        let guide = parse(marked.text)
        let assumption = try #require(guide.assumptions.first)
        let start = try #require(marked.marker)
        #expect(assumption.value?.url?.text == "https://auth.example.com/")
        #expect(assumption.rawValue?.location == start)
        // The value spans the shortcodes in the original line, up to the closing backtick.
        #expect(assumption.rawValue?.length == line.count - start.column)
        #expect(guide.source.shortcodes.map(\.name) == ["subdomain-authelia", "domain"])
        // A column after a shortcode maps past it; a column inside maps to its start.
        let source = guide.source
        let resolved = source.resolvedLine(3)
        let dotColumn = resolved.distance(from: resolved.startIndex, to: resolved.firstIndex(of: ".")!) + 1
        let shortcodeEnd = line.range(of: ">}}")!.upperBound
        #expect(source.location(line: 3, resolvedColumn: dotColumn).column == line.distance(from: line.startIndex, to: shortcodeEnd) + 1)
        #expect(source.location(line: 3, resolvedColumn: 35).column == 35)
        #expect(source.location(line: 3, resolvedColumn: 36).column == 35)
    }

    @Test func upstreamAssumptionWithoutColon() throws {
        let marked = MarkedText("### Assumptions\n\n- __Realm__ `↓authelia`\n- __Client ID:__ `proxmox`\n")
        let guide = parse(marked.text)
        #expect(guide.assumption(.realm)?.value == .realm("authelia"))
        #expect(guide.assumption(.realm)?.rawValue?.location == marked.marker)
    }

    @Test func untaggedUpstreamClientBlockIsRecognised() throws {
        let text = """
            ```yaml {title="configuration.yml"}
            identity_providers:
              oidc:
                clients:
                  - client_id: 'a'
                  - client_id: 'b'
            ```

            ```yaml {title="compose.yml"}
            services:
              app:
                environment:
                  CLIENT_ID: 'a'
            ```
            """
        let guide = parse(text)
        #expect(guide.codeBlocks.map(\.role) == [.autheliaClient, nil])
        #expect(guide.codeBlocks.first?.roleSource == .inferred)
        #expect(guide.clients.compactMap { $0.clientID?.string } == ["a", "b"])
    }

    @Test func codeSpanPositionOnANonASCIILine() throws {
        // "é" is two bytes in UTF-8 but one column.
        let marked = MarkedText("### Assumptions\n\n- Café ID: x\n- Client ID: `↓é-app`\n")
        let assumption = try #require(parse(marked.text).assumption(.clientID))
        #expect(assumption.rawValue?.location == marked.marker)
        #expect(assumption.value == nil)  // 'é' is outside Authelia's client id charset
    }

    @Test func shellCommandOptionsBecomeSettings() throws {
        let marked = MarkedText("""
            ```shell
            $ pveum realm add ↓authelia --type openid \\
                --client-id=↓proxmox --scopes "↓openid profile"
            ```
            """)
        let settings = parse(marked.text).settings
        #expect(settings.map(\.key.value) == ["realm", "type", "client-id", "scopes"])
        #expect(settings[0].value.location == marked.markers[0])
        #expect(settings[2].value == Located("proxmox", at: marked.markers[1], length: 7))
        #expect(settings[3].value.value == "openid profile")
        #expect(settings[3].value.location == marked.markers[2])  // inside the quotes
    }

    @Test func headingsAndEveryCodeSpanAreLocated() throws {
        let guide = parse(Self.guide)
        #expect(guide.headings.map(\.text) == ["Assumptions", "Application"])
        #expect(guide.headings.map(\.location) == [Self.at(.assumptionsHeading), Self.at(.applicationHeading)])
        #expect(guide.codeSpans.map(\.value) == ["https://app.example.com/", "app", "8443", "app", "https://auth.example.com"])
        #expect(guide.codeSpans.map(\.location) == [Self.at(.rootValue), Self.at(.clientIDValue), Self.at(.portValue),
                                                     Self.at(.settingValue), Self.at(.issuerValue)])
    }

    @Test func repeatedCodeSpansOnOneLineGetTheirOwnColumns() throws {
        let marked = MarkedText("Use `↓x` and then `↓x` again, or `` ↓`y` ``.\n")
        let guide = parse(marked.text)
        #expect(guide.codeSpans.map(\.location) == marked.markers)
        #expect(guide.codeSpans.map(\.value) == ["x", "x", "`y`"])
    }

    @Test func findingInsideALineWithShortcodesPointsAtThatLine() throws {
        let marked = MarkedText("""
            ### Assumptions
            - __Application Root URL:__ `https://app.{{< sitevar name="domain" nojs="example.com" >}}/`

            ```yaml {title="configuration.yml"}
            identity_providers:
              oidc:
                clients:
                  - client_id: 'app'
                    redirect_uris:
                      - ↓'https://other.{{< sitevar name="domain" nojs="example.com" >}}/callback'
            ```
            """)
        let found = findings(marked.text).filter { $0.ruleID == "redirect-uri-outside-app" }
        #expect(found.map(\.location) == marked.markers)
        #expect(found.first?.message.contains("'https://other.example.com/callback'") == true)
    }

    @Test func windowsLineEndingsGiveTheSamePositions() {
        let lf = parse(Self.guide)
        let crlf = parse(Self.guide.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(crlf.title == lf.title)
        #expect(crlf.assumptions == lf.assumptions)
        #expect(crlf.settings.map(\.value) == lf.settings.map(\.value))
        #expect(crlf.clients.first?.clientID?.location == lf.clients.first?.clientID?.location)
        #expect(crlf.codeBlocks.map(\.role) == lf.codeBlocks.map(\.role))
    }
}
