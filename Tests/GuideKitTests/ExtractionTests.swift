import Testing
@testable import GuideKit

/// Exact positions of every kind of extracted element, front matter offset included.
struct ExtractionTests {
    // Line numbers are written beside each line; columns are counted in characters.
    static let guide = [
        "---",                                                   // 1
        "title: \"Example App\"",                                // 2
        "weight: 10",                                            // 3
        "---",                                                   // 4
        "",                                                      // 5
        "## Assumptions",                                        // 6
        "",                                                      // 7
        "- __Application Root URL:__ `https://app.example.com/`", // 8
        "- **Client ID:** `app`",                                // 9
        "- Realm: authelia",                                     // 10
        "- __Port:__ `8443`",                                    // 11
        "",                                                      // 12
        "### Application",                                       // 13
        "",                                                      // 14
        "1. Open the settings:",                                 // 15
        "   - Client ID: `app`",                                 // 16
        "   - Issuer URL: `https://auth.example.com`",           // 17
        "",                                                      // 18
        "2. Paste this:",                                        // 19
        "",                                                      // 20
        "   ```yaml {guide=\"authelia-client\"}",                // 21
        "   - client_id: 'app'",                                 // 22
        "     redirect_uris:",                                   // 23
        "       - 'https://app.example.com/cb'",                 // 24
        "   ```",                                                // 25
        "",
    ].joined(separator: "\n")

    @Test func frontMatterAndTitle() throws {
        let guide = parse(Self.guide)
        #expect(guide.title == "Example App")
        let frontMatter = try #require(guide.source.frontMatter)
        #expect(frontMatter.closingLine == 4)
        // The front matter's own YAML keeps file positions: `weight` is on line 3.
        #expect(guide.frontMatter?.keyNode("weight")?.location == SourceLocation(line: 3, column: 1))
        #expect(guide.assumptionsHeading == SourceLocation(line: 6, column: 1))
    }

    @Test func assumptionsWithLabelsAndValuesInEveryStyle() throws {
        let assumptions = parse(Self.guide).assumptions
        #expect(assumptions.map(\.label.value) == ["Application Root URL", "Client ID", "Realm", "Port"])
        #expect(assumptions.map(\.kind) == [.applicationRootURL, .clientID, .realm, nil])
        #expect(assumptions[0].label.location == SourceLocation(line: 8, column: 5))
        #expect(assumptions[0].rawValue?.location == SourceLocation(line: 8, column: 30))
        #expect(assumptions[0].value?.url?.host == "app.example.com")
        #expect(assumptions[1].rawValue == Located("app", at: SourceLocation(line: 9, column: 19), length: 3))
        #expect(assumptions[2].rawValue?.location == SourceLocation(line: 10, column: 10))
        #expect(assumptions[2].value == .realm("authelia"))
        #expect(assumptions[3].value == .text("8443"))
    }

    @Test func settingsFromNestedListItems() throws {
        let settings = parse(Self.guide).settings.filter { $0.origin == .listItem }
        #expect(settings.map(\.key.value) == ["Client ID", "Issuer URL"])
        #expect(settings[0].key.location == SourceLocation(line: 16, column: 6))
        #expect(settings[0].value.location == SourceLocation(line: 16, column: 18))
        #expect(settings[1].value.location == SourceLocation(line: 17, column: 19))
        #expect(settings[1].nameMeaning == .issuerURL)
    }

    @Test func yamlInAnIndentedFenceKeepsFilePositions() throws {
        let guide = parse(Self.guide)
        let block = try #require(guide.codeBlocks.first)
        #expect(block.location == SourceLocation(line: 21, column: 4))
        #expect(block.role == .autheliaClient)
        let client = try #require(guide.clients.first)
        #expect(client.clientID?.location == SourceLocation(line: 22, column: 17))
        #expect(client.clientID?.length == 5)  // 'app' with its quotes
        #expect(client.node.keyNode("redirect_uris")?.location == SourceLocation(line: 23, column: 6))
        #expect(client.redirectURIs.first?.location == SourceLocation(line: 24, column: 10))
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
        let line = "- __Authelia Root URL:__ `https://{{< sitevar name=\"subdomain-authelia\" nojs=\"auth\" >}}.{{< sitevar name=\"domain\" nojs=\"example.com\" >}}/`"
        let guide = parse("### Assumptions\n\n" + line + "\n")
        let assumption = try #require(guide.assumptions.first)
        #expect(assumption.value?.url?.text == "https://auth.example.com/")
        #expect(assumption.rawValue?.location == SourceLocation(line: 3, column: 27))
        // The value spans the shortcodes in the original line.
        #expect(assumption.rawValue?.length == line.count - 27)
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
        let guide = parse("### Assumptions\n\n- __Realm__ `authelia`\n- __Client ID:__ `proxmox`\n")
        #expect(guide.assumption(.realm)?.value == .realm("authelia"))
        #expect(guide.assumption(.realm)?.rawValue?.location == SourceLocation(line: 3, column: 14))
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
        let guide = parse("### Assumptions\n\n- Café ID: x\n- Client ID: `é-app`\n")
        let assumption = try #require(guide.assumption(.clientID))
        #expect(assumption.rawValue?.location == SourceLocation(line: 4, column: 15))
        #expect(assumption.value == nil)  // 'é' is outside Authelia's client id charset
    }

    @Test func shellCommandOptionsBecomeSettings() throws {
        let text = """
            ```shell
            $ pveum realm add authelia --type openid \\
                --client-id=proxmox --scopes "openid profile"
            ```
            """
        let settings = parse(text).settings
        #expect(settings.map(\.key.value) == ["realm", "type", "client-id", "scopes"])
        #expect(settings[0].value.location == SourceLocation(line: 2, column: 19))
        #expect(settings[2].value == Located("proxmox", at: SourceLocation(line: 3, column: 17), length: 7))
        #expect(settings[3].value.value == "openid profile")
        #expect(settings[3].value.location == SourceLocation(line: 3, column: 35))  // inside the quotes
    }

    @Test func headingsAndEveryCodeSpanAreLocated() throws {
        let guide = parse(Self.guide)
        #expect(guide.headings.map(\.text) == ["Assumptions", "Application"])
        #expect(guide.headings.map(\.location) == [SourceLocation(line: 6, column: 1), SourceLocation(line: 13, column: 1)])
        let spans = guide.codeSpans.map { "\($0.value)@\($0.location)" }
        #expect(spans == ["https://app.example.com/@8:30", "app@9:19", "8443@11:14", "app@16:18",
                          "https://auth.example.com@17:19"])
    }

    @Test func repeatedCodeSpansOnOneLineGetTheirOwnColumns() throws {
        let guide = parse("Use `x` and then `x` again, or `` `y` ``.\n")
        #expect(guide.codeSpans.map(\.location.column) == [6, 19, 35])
        #expect(guide.codeSpans.map(\.value) == ["x", "x", "`y`"])
    }

    @Test func findingInsideALineWithShortcodesPointsAtThatLine() throws {
        let text = """
            ### Assumptions
            - __Application Root URL:__ `https://app.{{< sitevar name="domain" nojs="example.com" >}}/`

            ```yaml {title="configuration.yml"}
            identity_providers:
              oidc:
                clients:
                  - client_id: 'app'
                    redirect_uris:
                      - 'https://other.{{< sitevar name="domain" nojs="example.com" >}}/callback'
            ```
            """
        let found = findings(text).filter { $0.ruleID == "redirect-uri-outside-app" }
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(line: 10, column: 13))
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
